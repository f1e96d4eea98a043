package dev.ossemu.blob;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The storage a body holds against a {@link StorageQuota}, reference-counted as Netty counts its
 * buffers: whoever creates a lease holds one reference, every holder that keeps the body (a stored
 * object, a part) takes one with {@link #retain()}, and each gives its own back with {@link
 * #release()}; the bytes return to the quota when the last reference goes, exactly once.
 *
 * <p>A body's bytes are reserved as they are received ({@link #grow}), so the bound is checked
 * before memory or disk is used. A body made of other bodies (an appended object, a completed
 * upload) holds no bytes of its own: its lease {@link #combine combines} the leases of its parts,
 * so shared bytes count once however many objects hold them, and a copy shares its source's lease.
 *
 * <p>The lease also owns the off-heap chunks of its body ({@link #own}) and frees them with the
 * last reference. So whoever reads those bytes holds a reference while reading: a body being sent
 * holds one per buffer in flight, a copy or checksum one while it reads ({@link
 * Blob#forEachSlice}).
 */
public final class StorageLease {
  private static final StorageLease NONE = new StorageLease(null, List.of());

  private final StorageQuota quota;
  private final List<StorageLease> parts;
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicInteger references = new AtomicInteger(1);

  /** Off-heap chunks to free with the last reference; null when there are none. */
  private List<ByteBuffer> memory;

  private StorageLease(StorageQuota quota, List<StorageLease> parts) {
    this.quota = quota;
    this.parts = parts;
  }

  /** A lease on {@code quota} holding no bytes yet, with one reference, the caller's. */
  public static StorageLease open(StorageQuota quota) {
    return quota == null ? NONE : new StorageLease(quota, List.of());
  }

  /** The lease of a body that is stored nowhere (a document): retaining or releasing is a no-op. */
  public static StorageLease none() {
    return NONE;
  }

  /**
   * A lease over the bytes of other leases, taking a reference to each; with one reference, the
   * caller's. Releasing it for the last time releases each part once.
   */
  public static StorageLease combine(List<StorageLease> parts) {
    List<StorageLease> held = parts.stream().filter(p -> p != NONE).toList();
    if (held.isEmpty()) {
      return NONE;
    }
    held.forEach(StorageLease::retain);
    return new StorageLease(null, held);
  }

  /**
   * Reserves more bytes for a body still arriving.
   *
   * @throws dev.ossemu.error.OssException InsufficientStorage when the bound would be passed
   */
  public void grow(long more) {
    if (quota != null && more > 0) {
      checkLive();
      quota.reserve(more);
      bytes.addAndGet(more);
    }
  }

  /** Gives back part of the reservation (the unused end of a body's last chunk). */
  public void shrink(long less) {
    if (quota != null && less > 0) {
      checkLive();
      bytes.addAndGet(-less);
      quota.release(less);
    }
  }

  /** Takes one more reference; the lease must still be live. */
  public StorageLease retain() {
    if (this != NONE && references.getAndUpdate(n -> n > 0 ? n + 1 : n) <= 0) {
      throw new IllegalStateException("retaining a released storage lease");
    }
    return this;
  }

  /**
   * Takes one more reference unless the lease was released already (its body was deleted while
   * being read, as by a copy racing a delete of its source).
   *
   * @return whether a reference was taken
   */
  public boolean tryRetain() {
    return this == NONE || references.getAndUpdate(n -> n > 0 ? n + 1 : n) > 0;
  }

  /**
   * Gives one reference back; the last one returns the bytes to the quota and releases the parts.
   *
   * @return whether this was the last reference
   */
  public boolean release() {
    if (this == NONE) {
      return false;
    }
    int left = references.decrementAndGet();
    if (left < 0) {
      throw new IllegalStateException("storage lease released more often than retained");
    }
    if (left > 0) {
      return false;
    }
    if (quota != null) {
      quota.release(bytes.getAndSet(0));
    }
    freeMemory();
    parts.forEach(StorageLease::release);
    return true;
  }

  /**
   * Makes {@code chunk}, memory from {@link BodyMemory#allocate}, this lease's to free with its
   * last reference. Only a lease over received bytes owns memory.
   */
  synchronized void own(ByteBuffer chunk) {
    if (this == NONE || !chunk.isDirect()) {
      return; // heap chunks are the collector's; NONE is never released
    }
    checkLive();
    if (memory == null) {
      memory = new ArrayList<>();
    }
    memory.add(chunk);
  }

  /**
   * Frees an owned chunk nobody else has seen (a builder's last chunk, replaced by a trimmed copy).
   */
  synchronized void free(ByteBuffer chunk) {
    // By identity: ByteBuffer.equals compares contents.
    if (memory != null && memory.removeIf(owned -> owned == chunk)) {
      BodyMemory.free(chunk);
    }
  }

  /**
   * Leaves the owned chunks to the collector: their body moved into data files, while a caller may
   * still hold the body it came from, so freeing them now could pull bytes out from under a read.
   */
  synchronized void disown() {
    memory = null;
  }

  private synchronized void freeMemory() {
    if (memory != null) {
      memory.forEach(BodyMemory::free);
      memory = null;
    }
  }

  private void checkLive() {
    if (references.get() <= 0) {
      throw new IllegalStateException("storage lease already released");
    }
  }

  /** The references held now (0 once released); for tests and assertions. */
  public int references() {
    return this == NONE ? 1 : references.get();
  }

  /** The bytes this lease itself reserved (0 for a combined lease). */
  public long bytes() {
    return bytes.get();
  }

  /** The leases this one combines, empty for a lease over received bytes. */
  public List<StorageLease> parts() {
    return parts;
  }
}
