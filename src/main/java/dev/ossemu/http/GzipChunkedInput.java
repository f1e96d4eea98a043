package dev.ossemu.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * An object body gzip-compressed as it streams (OSS compresses some text types on {@code
 * Accept-Encoding: gzip}, chunked). Pulls the plain pieces from a {@link BlobChunkedInput} without
 * zero-copy, as file regions cannot be compressed, and keeps only one piece's output in memory: a
 * slow reader still holds back the server.
 */
final class GzipChunkedInput implements ChunkedInput<Object> {
  /** RFC 1952 member header: deflate, no flags, no time, OS unknown. */
  private static final byte[] HEADER = {
    0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff
  };

  private final BlobChunkedInput plain;
  private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
  private final CRC32 crc = new CRC32();
  private final byte[] window = new byte[64 * 1024];
  private boolean headerSent;
  private boolean isFinishing;
  private boolean ended;

  GzipChunkedInput(BlobChunkedInput plain) {
    this.plain = plain;
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
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!headerSent) {
      out.write(HEADER);
      headerSent = true;
    }
    Object piece = plain.readChunk(allocator);
    if (piece instanceof LastHttpContent || piece == null) {
      deflater.finish();
      isFinishing = true;
      drain(out);
      writeIntLe(out, (int) crc.getValue());
      writeIntLe(out, (int) deflater.getBytesRead());
      deflater.end();
      ended = true;
      return new DefaultLastHttpContent(Unpooled.wrappedBuffer(out.toByteArray()));
    }
    ByteBuf buffer = (ByteBuf) piece;
    try {
      ByteBuffer bytes = buffer.nioBuffer();
      crc.update(bytes.duplicate());
      deflater.setInput(bytes);
      drain(out);
    } finally {
      buffer.release();
    }
    return Unpooled.wrappedBuffer(out.toByteArray());
  }

  /** Everything the deflater can give for its input so far (all of it once finished). */
  private void drain(ByteArrayOutputStream out) {
    while (!deflater.finished()) {
      int n = deflater.deflate(window);
      out.write(window, 0, n);
      if (n == 0 && !isFinishing && deflater.needsInput()) {
        return;
      }
    }
  }

  private static void writeIntLe(ByteArrayOutputStream out, int value) {
    for (int i = 0; i < 4; i++) {
      out.write((value >>> (8 * i)) & 0xff);
    }
  }

  /** Required by the interface; Netty itself calls the allocator form. */
  @Deprecated
  @Override
  public Object readChunk(io.netty.channel.ChannelHandlerContext ctx) throws IOException {
    return readChunk(ctx.alloc());
  }

  /** Unknown in advance: the compressed length. */
  @Override
  public long length() {
    return -1;
  }

  @Override
  public long progress() {
    return plain.progress();
  }

  @Override
  public void close() throws IOException {
    deflater.end();
    plain.close();
  }
}
