package dev.ossemu.blob;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;

/**
 * The memory of stored body chunks. A chunk of {@value #DIRECT_MIN} bytes or more lives off the
 * heap, so a GetObject hands the socket the stored bytes themselves: a heap chunk would be copied
 * into a direct buffer for every send (issue 15: one write of stored direct chunks serves 1 MiB
 * objects about 45 % faster than 64 KiB heap copies). Off-heap chunks are freed by their one owner,
 * the body's {@link StorageLease}, when its last reference goes: left to the garbage collector,
 * freed bodies would pile up outside the heap, since they no longer make the heap fill and collect.
 * Smaller chunks, and every chunk when the JRE cannot free direct memory explicitly, stay on the
 * heap.
 */
final class BodyMemory {
  /** Below this, a chunk stays on the heap: copying it per send costs less than owning it. */
  static final int DIRECT_MIN = 8 * 1024;

  /** {@code sun.misc.Unsafe.invokeCleaner(ByteBuffer)} bound to the instance, or null. */
  private static final MethodHandle FREE = freeHandle();

  private BodyMemory() {}

  /**
   * A new chunk of {@code size} bytes: off the heap from {@link #DIRECT_MIN}, which its owner must
   * {@link #free}.
   *
   * @throws OssException InsufficientStorage when the JVM's direct memory is used up (its bound is
   *     {@code -XX:MaxDirectMemorySize}, by default the maximum heap)
   */
  static ByteBuffer allocate(int size) {
    if (size < DIRECT_MIN || FREE == null) {
      return ByteBuffer.allocate(size);
    }
    try {
      return ByteBuffer.allocateDirect(size);
    } catch (OutOfMemoryError e) {
      // Only direct memory ran out (the JDK collected and retried first): the heap is intact.
      throw OssException.of(OssErrorCode.INSUFFICIENT_STORAGE)
          .message(
              "The JVM's direct memory, where the emulator keeps object bodies, is used up; delete"
                  + " objects or raise -XX:MaxDirectMemorySize.")
          .build();
    }
  }

  /** Frees an off-heap chunk from {@link #allocate} now; a heap chunk is left to the collector. */
  static void free(ByteBuffer chunk) {
    if (!chunk.isDirect() || FREE == null) {
      return;
    }
    try {
      FREE.invokeExact(chunk);
    } catch (Throwable e) {
      // invokeCleaner refuses only slices and duplicates; an owned chunk is neither. Its Cleaner
      // frees it with the buffer object then.
    }
  }

  private static MethodHandle freeHandle() {
    try {
      Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
      Field field = unsafeClass.getDeclaredField("theUnsafe");
      field.setAccessible(true);
      MethodHandle invokeCleaner =
          MethodHandles.lookup()
              .findVirtual(
                  unsafeClass,
                  "invokeCleaner",
                  MethodType.methodType(void.class, ByteBuffer.class));
      return invokeCleaner.bindTo(field.get(null));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // a JRE without jdk.unsupported: chunks stay on the heap
    }
  }
}
