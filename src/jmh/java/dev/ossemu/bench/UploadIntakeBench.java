package dev.ossemu.bench;

import dev.ossemu.blob.Blob;
import dev.ossemu.blob.BlobBuilder;
import dev.ossemu.blob.Crc64;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A 1 MiB PutObject body taken in as the in-memory store takes it: 8 KiB direct buffers (Netty's
 * HTTP decoder hands content on in pieces of at most 8 KiB) copied into the body's chunks, MD5 (the
 * ETag) and CRC-64 computed on each piece while it is in cache. Beside it the MD5 alone and the
 * CRC-64 alone over the same MiB, so the floor is visible: operations per second are MiB/s per
 * core, and MD5 (serial by design, already the JRE's intrinsic) bounds the whole.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class UploadIntakeBench {
  private static final int PIECE = 8 * 1024;
  private final byte[] mebibyte = new byte[1024 * 1024];
  private final ByteBuffer direct = ByteBuffer.allocateDirect(mebibyte.length);
  private MessageDigest md5;

  @Setup
  public void fill() throws NoSuchAlgorithmException {
    new SplittableRandom(15).nextBytes(mebibyte);
    direct.put(mebibyte).flip();
    md5 = MessageDigest.getInstance("MD5");
  }

  /** The body as PutObject stores it: copy, MD5 and CRC-64 per piece. */
  @Benchmark
  public Blob blobBuilder() {
    BlobBuilder body = new BlobBuilder(null, mebibyte.length);
    for (int at = 0; at < mebibyte.length; at += PIECE) {
      body.append(direct.duplicate().position(at).limit(at + PIECE));
    }
    return body.build();
  }

  @Benchmark
  public byte[] md5Only() {
    md5.update(mebibyte, 0, mebibyte.length);
    return md5.digest();
  }

  @Benchmark
  public long crc64Only() {
    Crc64 crc = new Crc64();
    crc.update(mebibyte, 0, mebibyte.length);
    return crc.getValue();
  }
}
