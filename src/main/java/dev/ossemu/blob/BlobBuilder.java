package dev.ossemu.blob;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles a {@link Blob} from pieces as they arrive from the network, reserving storage in a
 * {@link StorageLease} as it grows and checksumming on the way, so nothing has to be read twice.
 */
public final class BlobBuilder implements BodySink {
  /** Chunks are at most this large, so no body lives in one big array. */
  public static final int CHUNK_BYTES = 64 * 1024;

  private static final ByteBuffer NO_CHUNK = ByteBuffer.allocate(0);

  private final StorageLease lease;
  private final long expectedLength;
  private final List<ByteBuffer> chunks = new ArrayList<>();
  private final MessageDigest md5;
  private final Crc64 crc;

  /** The chunk being filled; its position is how much is filled. */
  private ByteBuffer current = NO_CHUNK;

  private long length;

  /**
   * @param quota where space is reserved, or null for bodies that are not stored
   */
  public BlobBuilder(StorageQuota quota) {
    this(quota, -1);
  }

  /**
   * @param quota where space is reserved, or null for bodies that are not stored
   * @param expectedLength the announced length (Content-Length), or -1: a small body then gets a
   *     chunk of its own size rather than a whole 64 KiB one
   */
  public BlobBuilder(StorageQuota quota, long expectedLength) {
    this(quota, expectedLength, true);
  }

  private BlobBuilder(StorageQuota quota, long expectedLength, boolean checksums) {
    this.lease = StorageLease.open(quota);
    this.expectedLength = expectedLength;
    this.md5 = checksums ? BlobMd5.fresh() : null;
    this.crc = checksums ? new Crc64() : null;
  }

  /**
   * A builder for a configuration document (a request body that is parsed, never stored): no MD5
   * and no CRC-64 are computed, since nothing reports them; read it with {@link #toByteArray()}.
   */
  public static BlobBuilder document(long expectedLength) {
    return new BlobBuilder(null, expectedLength, false);
  }

  /** Memory is reserved chunk by chunk as bytes are appended: nothing to do ahead. */
  @Override
  public void reserve(long bytes) {}

  /** Appends bytes; may throw the quota's OSS error, after which the builder must be discarded. */
  @Override
  public void append(ByteBuffer bytes) {
    while (bytes.hasRemaining()) {
      if (!current.hasRemaining()) {
        newChunk();
      }
      int n = Math.min(bytes.remaining(), current.remaining());
      ByteBuffer piece = bytes.slice(bytes.position(), n);
      if (md5 != null) {
        // Read where the bytes arrived (in cache), before the copy into the chunk.
        crc.update(piece);
        md5.update(piece.duplicate());
      }
      current.put(piece);
      bytes.position(bytes.position() + n);
      length += n;
    }
  }

  public void append(byte[] bytes) {
    append(ByteBuffer.wrap(bytes));
  }

  /** Appends a whole blob (for copies and multipart completion). */
  public void append(Blob blob) {
    blob.forEachSlice(0, blob.length(), this::append);
  }

  private void newChunk() {
    long announcedRest = expectedLength - length;
    int size = announcedRest > 0 && announcedRest < CHUNK_BYTES ? (int) announcedRest : CHUNK_BYTES;
    lease.grow(size);
    current = chunk(size);
    chunks.add(current);
  }

  /** A chunk for stored bytes (off the heap when large, owned by the lease), else a heap array. */
  private ByteBuffer chunk(int size) {
    if (lease == StorageLease.none()) {
      return ByteBuffer.allocate(size); // nothing would free it: a document, or an unbounded test
    }
    ByteBuffer chunk = BodyMemory.allocate(size);
    lease.own(chunk);
    return chunk;
  }

  @Override
  public long length() {
    return length;
  }

  /** The bytes so far in one array (a document's body). */
  public byte[] toByteArray() {
    if (chunks.size() == 1 && !current.hasRemaining() && current.hasArray()) {
      return current.array(); // sized from Content-Length and full: no copy (the builder is done)
    }
    ByteBuffer out = ByteBuffer.allocate((int) length);
    for (ByteBuffer chunk : chunks) {
      out.put(chunk.duplicate().flip());
    }
    return out.array();
  }

  /**
   * The body; trims the last chunk and gives its unused reservation back. The body carries the
   * lease with its one reference, which passes to the caller.
   *
   * @throws IllegalStateException for a {@link #document} builder, which has no checksums
   */
  @Override
  public Blob build() {
    if (md5 == null) {
      throw new IllegalStateException("a document has no checksums: use toByteArray()");
    }
    if (!chunks.isEmpty() && current.hasRemaining()) {
      int fill = current.position();
      ByteBuffer trimmed = chunk(fill).put(current.duplicate().flip());
      chunks.set(chunks.size() - 1, trimmed);
      lease.free(current);
      lease.shrink(current.capacity() - fill);
      current = trimmed;
    }
    List<Blob.Extent> extents = new ArrayList<>(chunks.size());
    for (ByteBuffer chunk : chunks) {
      extents.add(new Blob.Chunk(chunk.duplicate().flip().asReadOnlyBuffer()));
    }
    // The digest state itself is kept, never digested: an append goes on from it.
    return new Blob(extents, length, md5, crc.getValue(), lease);
  }

  /** Gives back every reservation of an upload that was refused or abandoned. */
  @Override
  public void discard() {
    lease.release();
    chunks.clear();
  }
}
