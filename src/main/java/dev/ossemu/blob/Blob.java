package dev.ossemu.blob;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.function.Consumer;

/**
 * An object body: immutable extents (chunks of at most {@link BlobBuilder#CHUNK_BYTES} in memory,
 * or pieces of data files), never one large array, with checksums computed while it arrived.
 * Appending or joining bodies shares their extents and combines their CRC-64 values, so the cost is
 * proportional to the new bytes only, never to the object.
 */
public final class Blob {
  /** A run of a body's bytes. */
  public sealed interface Extent permits Chunk, FileSegment {
    long length();
  }

  /**
   * Bytes in memory, a read-only buffer from position 0 (off the heap when large: {@link
   * BodyMemory}); never changed once it is part of a blob. Read it only while holding a reference
   * to the body's lease, which frees off-heap chunks.
   */
  public record Chunk(ByteBuffer bytes) implements Extent {
    @Override
    public long length() {
      return bytes.limit();
    }

    /** {@code count} bytes from {@code offset}, as a read-only view of their own. */
    ByteBuffer view(long offset, long count) {
      return bytes.slice((int) offset, (int) count);
    }
  }

  /**
   * The first {@code length} bytes of a data file. Bytes beyond are not the body's: an append
   * interrupted by a crash may have left some there.
   */
  public record FileSegment(Path file, long length) implements Extent {}

  /** Part of an extent: {@code count} bytes from {@code offset}. */
  public record Piece(Extent extent, long offset, long count) {}

  private final List<Extent> extents;
  private final long length;
  private final long crc64;

  /** The MD5 state after every byte, never updated itself (cloned to go on), or null. */
  private final MessageDigest md5State;

  private final StorageLease lease;
  private byte[] md5;

  /**
   * @param md5State the MD5 state after all bytes (it is kept, not digested), or null when not
   *     known (a joined body): the digest is then computed on first use
   * @param crc64 the CRC-64 as {@link Crc64#getValue()} gives it
   */
  public Blob(List<Extent> extents, long length, MessageDigest md5State, long crc64) {
    this(extents, length, md5State, crc64, StorageLease.none());
  }

  /**
   * @param lease the storage its bytes hold, whose reference passes to the new body
   */
  public Blob(
      List<Extent> extents, long length, MessageDigest md5State, long crc64, StorageLease lease) {
    this.extents = List.copyOf(extents);
    this.length = length;
    this.md5State = md5State;
    this.crc64 = crc64;
    this.lease = lease == null ? StorageLease.none() : lease;
  }

  /** The storage this body's bytes hold. */
  public StorageLease lease() {
    return lease;
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

  /** An empty body. */
  public static Blob empty() {
    return new Blob(List.of(), 0, BlobMd5.fresh(), 0L);
  }

  /**
   * Bodies one after the other, sharing their extents (nothing is copied or read); the CRC-64 is
   * combined from theirs, the MD5 computed only if ever asked for. Its lease combines the parts'
   * leases, so the shared bytes count once; the caller holds its one reference.
   */
  public static Blob concat(List<Blob> parts) {
    return BlobJoins.concat(parts);
  }

  /**
   * This body followed by {@code tail}, sharing both bodies' extents. The MD5 goes on from this
   * body's state over the tail's bytes only, the CRC-64 is combined: cost proportional to the tail.
   * Like {@link #concat}, its lease combines both leases; the caller holds its one reference.
   */
  public Blob append(Blob tail) {
    return BlobJoins.append(this, tail);
  }

  /**
   * The same bytes, checksums and lease in other extents (a body moved into the data directory);
   * the new body shares this one's lease without a reference of its own.
   */
  public Blob relocated(List<Extent> moved) {
    lease.disown(); // the bytes are in data files now; the collector frees the chunks
    long total = moved.stream().mapToLong(Extent::length).sum();
    if (total != length) {
      throw new IllegalArgumentException("relocated extents hold " + total + " of " + length);
    }
    Blob blob = new Blob(moved, length, md5State, crc64, lease);
    blob.md5 = md5;
    return blob;
  }

  public List<Extent> extents() {
    return extents;
  }

  public long length() {
    return length;
  }

  /** The CRC-64 as a number. */
  public long crc64Value() {
    return crc64;
  }

  /** The CRC-64/ECMA-182 as OSS prints it. */
  public String crc64() {
    return Crc64.format(crc64);
  }

  /** The MD5 state after every byte, to go on from (a copy), or null when unknown. */
  public MessageDigest md5State() {
    return md5State == null ? null : BlobMd5.cloned(md5State);
  }

  /** The MD5 digest; a joined body reads its bytes once to compute it. */
  public synchronized byte[] md5() {
    if (md5 == null) {
      md5 = BlobMd5.digest(this);
    }
    return md5.clone();
  }

  /** The parts of extents that hold the bytes from {@code start} to {@code end} (exclusive). */
  public List<Piece> pieces(long start, long end) {
    return BlobRanges.pieces(extents, start, end);
  }

  /**
   * Hands the bytes from {@code start} to {@code end} to {@code sink}, a slice at a time, holding a
   * reference to the body's storage meanwhile, so a concurrent delete cannot free it mid-read.
   *
   * @throws UncheckedIOException (with a {@link NoSuchFileException}, as for a data file deleted
   *     meanwhile) when the body was released before the read began
   */
  public void forEachSlice(long start, long end, Consumer<ByteBuffer> sink) {
    retainToRead();
    try {
      BlobRanges.forEachSlice(pieces(start, end), sink);
    } finally {
      lease.release();
    }
  }

  /**
   * Takes the reference a reader holds while it reads the bytes, which the reader gives back with
   * {@link #release()}.
   *
   * @throws UncheckedIOException (with a {@link NoSuchFileException}) when the body was released
   *     already: the same as reading a data file a concurrent delete removed, which callers answer
   *     as if the read came after the delete
   */
  void retainToRead() {
    if (!lease.tryRetain()) {
      throw new UncheckedIOException(new NoSuchFileException("object body released by a delete"));
    }
  }

  /** The whole body in one array: only for small documents, never for object bodies. */
  public byte[] toByteArray() {
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(length));
    forEachSlice(0, length, out::put);
    return out.array();
  }

  /** The quoted upper-case MD5 hex OSS uses as the ETag of a simple upload. */
  public String etag() {
    return BlobMd5.etag(md5());
  }

  @Override
  public String toString() {
    return "Blob[" + length + " bytes in " + extents.size() + " extents]";
  }
}
