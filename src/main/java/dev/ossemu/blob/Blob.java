package dev.ossemu.blob;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * An object body: immutable chunks of at most {@link BlobBuilder#CHUNK_BYTES}, never one large
 * array, with the checksums computed while it arrived. Reading hands out read-only views, so a body
 * is never copied on its way out.
 *
 * @param chunks the bytes, in order
 * @param length the total length
 * @param md5 the MD5 digest
 * @param crc64 the CRC-64/ECMA-182 as OSS prints it
 * @param lease the storage its bytes hold; {@link #retain()} and {@link #release()} count its
 *     holders (see {@link StorageLease})
 */
public record Blob(List<byte[]> chunks, long length, byte[] md5, String crc64, StorageLease lease) {

  public Blob {
    chunks = List.copyOf(chunks);
    lease = lease == null ? StorageLease.none() : lease;
  }

  /** A body that holds no storage (a document, a template). */
  public Blob(List<byte[]> chunks, long length, byte[] md5, String crc64) {
    this(chunks, length, md5, crc64, StorageLease.none());
  }

  /** Takes a reference to this body's storage for one more holder. */
  public Blob retain() {
    lease.retain();
    return this;
  }

  /** Takes a reference unless the body's storage was released already (deleted meanwhile). */
  public boolean tryRetain() {
    return lease.tryRetain();
  }

  /** Gives one holder's reference back; the last one returns the storage to the quota. */
  public void release() {
    lease.release();
  }

  /**
   * Bodies one after the other, sharing their chunks (nothing is copied); the checksums are
   * computed over the joined bytes. Its lease combines the parts' leases, so the shared bytes count
   * once; the caller holds its one reference.
   */
  public static Blob concat(List<Blob> parts) {
    MessageDigest md5 = BlobBuilder.md5();
    Crc64 crc = new Crc64();
    List<byte[]> chunks = new ArrayList<>();
    long length = 0;
    for (Blob part : parts) {
      for (byte[] chunk : part.chunks()) {
        md5.update(chunk);
        crc.update(chunk, 0, chunk.length);
        chunks.add(chunk);
      }
      length += part.length();
    }
    List<StorageLease> leases = parts.stream().map(Blob::lease).toList();
    return new Blob(chunks, length, md5.digest(), crc.value(), StorageLease.combine(leases));
  }

  /** An empty body. */
  public static Blob empty() {
    return new BlobBuilder(null).build();
  }

  /** The bytes from {@code start} (inclusive) to {@code end} (exclusive), as read-only views. */
  public List<ByteBuffer> slices(long start, long end) {
    List<ByteBuffer> out = new ArrayList<>();
    long position = 0;
    for (byte[] chunk : chunks) {
      long chunkEnd = position + chunk.length;
      if (chunkEnd > start && position < end) {
        int from = (int) Math.max(0, start - position);
        int to = (int) Math.min(chunk.length, end - position);
        out.add(ByteBuffer.wrap(chunk, from, to - from).asReadOnlyBuffer());
      }
      position = chunkEnd;
      if (position >= end) {
        break;
      }
    }
    return out;
  }

  /** The whole body as read-only views. */
  public List<ByteBuffer> slices() {
    return slices(0, length);
  }

  /** The whole body in one array: only for small documents, never for object bodies. */
  public byte[] toByteArray() {
    byte[] out = new byte[Math.toIntExact(length)];
    int position = 0;
    for (byte[] chunk : chunks) {
      System.arraycopy(chunk, 0, out, position, chunk.length);
      position += chunk.length;
    }
    return out;
  }

  /** The quoted upper-case MD5 hex OSS uses as the ETag of a simple upload. */
  public String etag() {
    StringBuilder out = new StringBuilder(34).append('"');
    for (byte b : md5) {
      out.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)));
      out.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
    }
    return out.append('"').toString();
  }
}
