package dev.ossemu.http;

import dev.ossemu.blob.BlobBuilder;
import dev.ossemu.blob.OpenBlob;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedInput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * An object body for Netty's {@code ChunkedWriteHandler}, which asks for the next piece only while
 * the channel is writable: a slow reader holds back the server, not its memory. Memory chunks go
 * out as views of the stored bytes ({@link LeasedBytes}, no copy), up to {@link #GROUP_BYTES} in
 * one write; a data file as one zero-copy {@link DefaultFileRegion} where the transport sends files
 * itself, else read a chunk at a time. The last piece is the HTTP end of content.
 */
final class BlobChunkedInput implements ChunkedInput<Object> {
  /**
   * Memory chunks sent in one write: a write per 64 KiB chunk cost a GetObject of 1 MiB about a
   * third of its throughput in flushes and writability turns (issue 15). Views take no memory, so
   * the size is not bounded by the channel's write-buffer mark.
   */
  static final int GROUP_BYTES = 1 << 20;

  private final OpenBlob body;
  private final boolean zeroCopy;
  private final int groupBytes;
  private OpenBlob.Part pending;
  private OpenBlob.Part reading;
  private long readPosition;
  private long progress;
  private boolean ended;

  /**
   * @param zeroCopy whether the channel's transport writes {@code FileRegion}s (a socket does, an
   *     embedded test channel does not)
   */
  BlobChunkedInput(OpenBlob body, boolean zeroCopy) {
    this(body, zeroCopy, GROUP_BYTES);
  }

  /**
   * @param groupBytes how many memory bytes at most go into one piece (one chunk when the pieces
   *     are compressed one at a time)
   */
  BlobChunkedInput(OpenBlob body, boolean zeroCopy, int groupBytes) {
    this.body = body;
    this.zeroCopy = zeroCopy;
    this.groupBytes = groupBytes;
  }

  @Override
  public boolean isEndOfInput() {
    return ended;
  }

  @Override
  public Object readChunk(ByteBufAllocator allocator) throws IOException {
    if (ended) {
      return null;
    }
    if (reading != null) {
      return readFile(allocator);
    }
    OpenBlob.Part part = next();
    if (part == null) {
      ended = true;
      return LastHttpContent.EMPTY_LAST_CONTENT;
    }
    if (part.bytes() != null) {
      return memoryGroup(part);
    }
    if (zeroCopy) {
      // The region owns the channel from here: the transport closes it once the bytes are sent.
      progress += part.count();
      return new DefaultFileRegion(part.file(), part.position(), part.count());
    }
    reading = part;
    readPosition = part.position();
    return readFile(allocator);
  }

  private OpenBlob.Part next() {
    OpenBlob.Part part = pending != null ? pending : body.next();
    pending = null;
    return part;
  }

  /** {@code first} and the memory parts after it, up to the group's size, as one buffer. */
  private ByteBuf memoryGroup(OpenBlob.Part first) {
    List<ByteBuffer> slices = new ArrayList<>();
    slices.add(first.bytes());
    long grouped = first.count();
    for (OpenBlob.Part part = body.next(); part != null; part = body.next()) {
      if (part.bytes() == null || grouped + part.count() > groupBytes) {
        pending = part; // a file part, or the next group's first
        break;
      }
      slices.add(part.bytes());
      grouped += part.count();
    }
    progress += grouped;
    return LeasedBytes.of(slices, body.lease());
  }

  private ByteBuf readFile(ByteBufAllocator allocator) throws IOException {
    long end = reading.position() + reading.count();
    int size = (int) Math.min(BlobBuilder.CHUNK_BYTES, end - readPosition);
    ByteBuf buffer = allocator.heapBuffer(size);
    try {
      FileChannel file = reading.file();
      while (buffer.writerIndex() < size) {
        int n = buffer.writeBytes(file, readPosition, size - buffer.writerIndex());
        if (n < 0) {
          throw new IOException("data file shorter than its body");
        }
        readPosition += n;
      }
    } catch (IOException e) {
      buffer.release();
      throw e;
    }
    progress += size;
    if (readPosition == end) {
      closeReading();
    }
    return buffer;
  }

  private void closeReading() throws IOException {
    FileChannel file = reading.file();
    reading = null;
    file.close();
  }

  /** Required by the interface; Netty itself calls the allocator form. */
  @Deprecated
  @Override
  public Object readChunk(io.netty.channel.ChannelHandlerContext ctx) throws IOException {
    return readChunk(ctx.alloc());
  }

  @Override
  public long length() {
    return body.length();
  }

  @Override
  public long progress() {
    return progress;
  }

  @Override
  public void close() throws IOException {
    if (pending != null && pending.file() != null) {
      pending.file().close(); // taken from the body, never sent
    }
    body.close();
    if (reading != null) {
      closeReading();
    }
  }
}
