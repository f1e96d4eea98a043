package dev.ossemu.http;

import dev.ossemu.blob.BodySink;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Writes one connection's upload bytes into a blocking {@link BodySink} (a data file) on the
 * connection's storage thread, so the event loop never waits on a disk. The network buffer itself
 * is handed over, not copied. When the disk falls behind, reading from the client pauses until the
 * backlog drains: a fast client cannot fill memory with bytes on their way to a slow disk. Tasks
 * run in order on one thread, so the request that follows its body sees every byte written.
 */
final class OffloadedWrites {
  /** Pause reading above this backlog, resume below {@link #RESUME_BYTES}. */
  static final long PAUSE_BYTES = 1 << 20;

  static final long RESUME_BYTES = 256 << 10;

  private final Executor storage;
  private long pending;
  private boolean paused;

  OffloadedWrites(Executor storage) {
    this.storage = storage;
  }

  /**
   * Reserves room for {@code bytes} and queues their write; call on the event loop.
   *
   * @throws dev.ossemu.error.OssException when the storage bound would be passed
   */
  void write(ChannelHandlerContext ctx, BodySink sink, ByteBuf bytes) {
    int length = bytes.readableBytes();
    sink.reserve(length);
    ByteBuf held = bytes.retainedSlice();
    pending += length;
    if (!paused && pending > PAUSE_BYTES) {
      paused = true;
      ctx.channel().config().setAutoRead(false);
    }
    Runnable task =
        () -> {
          try {
            for (ByteBuffer nio : held.nioBuffers()) {
              sink.append(nio);
            }
          } finally {
            held.release();
            try {
              ctx.executor().execute(() -> written(ctx, length));
            } catch (RejectedExecutionException e) {
              // the event loop is gone, and the connection with it
            }
          }
        };
    try {
      storage.execute(task);
    } catch (RejectedExecutionException e) {
      held.release(); // shutting down: the connection goes with the server
    }
  }

  private void written(ChannelHandlerContext ctx, long length) {
    pending -= length;
    if (paused && pending < RESUME_BYTES) {
      paused = false;
      ctx.channel().config().setAutoRead(true);
      ctx.read();
    }
  }

  /** Runs {@code task} after every write queued so far (discarding a refused upload). */
  void after(Runnable task) {
    try {
      storage.execute(task);
    } catch (RejectedExecutionException e) {
      task.run();
    }
  }
}
