package dev.ossemu;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The start-up warning for a storage bound that the heap cannot hold. */
final class HeapCheck {
  private static final Logger LOG = LoggerFactory.getLogger(HeapCheck.class);

  /** Above this share of the heap, bodies in memory leave too little for everything else. */
  static final double MAX_HEAP_SHARE = 0.8;

  private HeapCheck() {}

  /**
   * Warns once when {@code storageBytes} of bodies kept in memory would take more than 80 % of
   * {@code maxHeap}: the JVM would then run out of memory before the emulator answers
   * InsufficientStorage.
   *
   * @return whether it warned
   */
  static boolean warnIfStorageExceedsHeap(long storageBytes, long maxHeap) {
    if (maxHeap == Long.MAX_VALUE || storageBytes <= maxHeap * MAX_HEAP_SHARE) {
      return false;
    }
    LOG.warn(
        "the storage bound of {} MiB is more than 80 % of the maximum heap of {} MiB while object"
            + " bodies are kept in memory (large ones off the heap, bounded by"
            + " -XX:MaxDirectMemorySize, which defaults to the maximum heap): uploads may run the"
            + " JVM out of memory; raise -Xmx or lower --max-storage",
        storageBytes / (1024 * 1024), maxHeap / (1024 * 1024));
    return true;
  }
}
