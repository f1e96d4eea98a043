package dev.ossemu.fuzz;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * An allocator that remembers every buffer it hands out, so that a test can check that each was
 * released: a deterministic leak check, where Netty's own (PARANOID) detector only reports leaks
 * once the garbage collector found them.
 */
final class TrackingAllocator extends AbstractByteBufAllocator {
  private final List<ByteBuf> allocated = new ArrayList<>();

  TrackingAllocator() {
    super(false);
  }

  @Override
  protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
    return track(new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity));
  }

  @Override
  protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
    return track(new UnpooledDirectByteBuf(this, initialCapacity, maxCapacity));
  }

  @Override
  public boolean isDirectBufferPooled() {
    return false;
  }

  private ByteBuf track(ByteBuf buffer) {
    allocated.add(buffer);
    return buffer;
  }

  /** How many buffers are still referenced; forgets them all. */
  int unreleased() {
    int live = 0;
    for (ByteBuf buffer : allocated) {
      if (buffer.refCnt() > 0) {
        live++;
      }
    }
    allocated.clear();
    return live;
  }
}
