package dev.ossemu.blob;

import dev.ossemu.blob.Blob.Chunk;
import dev.ossemu.blob.Blob.Extent;
import dev.ossemu.blob.Blob.FileSegment;
import dev.ossemu.blob.Blob.Piece;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Walks a body's extents by byte range: which parts of them hold a range ({@link Blob#pieces}), and
 * their bytes a slice at a time ({@link Blob#forEachSlice}). It holds no reference to the body's
 * storage itself: {@link Blob} takes one around every read.
 */
final class BlobRanges {
  private BlobRanges() {}

  /**
   * The parts of {@code extents} that hold the bytes from {@code start} to {@code end} (exclusive).
   */
  static List<Piece> pieces(List<Extent> extents, long start, long end) {
    List<Piece> out = new ArrayList<>();
    long position = 0;
    for (Extent extent : extents) {
      long extentEnd = position + extent.length();
      if (extentEnd > start && position < end) {
        long from = Math.max(0, start - position);
        long to = Math.min(extent.length(), end - position);
        if (to > from) {
          out.add(new Piece(extent, from, to - from));
        }
      }
      position = extentEnd;
      if (position >= end) {
        break;
      }
    }
    return out;
  }

  /**
   * Hands the bytes of {@code pieces} to {@code sink}, a slice at a time; the caller holds a
   * reference to their storage meanwhile.
   */
  static void forEachSlice(List<Piece> pieces, Consumer<ByteBuffer> sink) {
    for (Piece piece : pieces) {
      if (piece.extent() instanceof Chunk chunk) {
        sink.accept(chunk.view(piece.offset(), piece.count()));
      } else {
        readFile((FileSegment) piece.extent(), piece.offset(), piece.count(), sink);
      }
    }
  }

  private static void readFile(
      FileSegment segment, long offset, long count, Consumer<ByteBuffer> sink) {
    try (FileChannel in = FileChannel.open(segment.file(), StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BlobBuilder.CHUNK_BYTES, count));
      long position = offset;
      long end = offset + count;
      while (position < end) {
        buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
        int n = in.read(buffer, position);
        if (n < 0) {
          throw new IOException("data file shorter than its body: " + segment.file());
        }
        position += n;
        buffer.flip();
        sink.accept(buffer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
