package dev.ossemu.blob;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bound on what object bodies may hold in memory. Space is reserved chunk by chunk while a body
 * arrives, so an upload that would go over is refused with an OSS error long before the JVM runs
 * out of memory.
 */
public final class StorageQuota {
  /** The default bound on a large heap: a few hundred MiB, ample for tests and a laptop. */
  public static final long DEFAULT_BYTES = 512L * 1024 * 1024;

  /**
   * The default bound for this JVM: {@link #DEFAULT_BYTES}, or half the maximum heap when that is
   * less. Bodies held in memory must leave the heap room for everything else; in a container with
   * {@code -m 128m} a 512 MiB bound would let uploads run the JVM out of memory long before the
   * emulator says InsufficientStorage.
   */
  public static long defaultBytes() {
    return defaultBytes(Runtime.getRuntime().maxMemory());
  }

  static long defaultBytes(long maxHeap) {
    return Math.min(DEFAULT_BYTES, maxHeap / 2);
  }

  private final long limit;
  private final AtomicLong used = new AtomicLong();

  public StorageQuota(long limit) {
    this.limit = limit;
  }

  /**
   * Reserves space.
   *
   * @throws OssException InsufficientStorage when the bound would be passed
   */
  public void reserve(long bytes) {
    long after = used.addAndGet(bytes);
    if (after > limit) {
      used.addAndGet(-bytes);
      throw OssException.of(OssErrorCode.INSUFFICIENT_STORAGE)
          .message(
              "The emulator's object storage limit of "
                  + limit
                  + " bytes is reached; delete objects or start it with a larger limit.")
          .build();
    }
  }

  /** Gives space back. */
  public void release(long bytes) {
    used.addAndGet(-bytes);
  }

  public long used() {
    return used.get();
  }

  public long limit() {
    return limit;
  }
}
