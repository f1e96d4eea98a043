package dev.ossemu.http;

import dev.ossemu.blob.StorageLease;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Stored body bytes on their way to a socket, without a copy: read-only views of the chunks
 * themselves, holding one reference to their storage from creation until Netty releases the buffer
 * (sent, or failed with the connection). Off-heap chunks are freed with the last reference, so a
 * delete of the object while these bytes wait in the channel's queue frees nothing under them.
 */
final class LeasedBytes extends CompositeByteBuf {
  private final StorageLease lease;

  private LeasedBytes(List<ByteBuf> views, StorageLease lease) {
    super(UnpooledByteBufAllocator.DEFAULT, true, Math.max(2, views.size()), views);
    this.lease = lease;
  }

  /**
   * The {@code slices}, one after the other, as one buffer holding a new reference to {@code
   * lease}.
   *
   * @throws java.io.UncheckedIOException when the storage was released already
   */
  static ByteBuf of(List<ByteBuffer> slices, StorageLease lease) {
    if (!lease.tryRetain()) {
      // Only after the body's own reference went (it is closed): nothing of it may be sent.
      throw new IllegalStateException("sending the bytes of a released body");
    }
    return new LeasedBytes(slices.stream().map(Unpooled::wrappedBuffer).toList(), lease);
  }

  @Override
  protected void deallocate() {
    try {
      super.deallocate(); // the views: they own no memory
    } finally {
      lease.release();
    }
  }
}
