package dev.ossemu.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A range of a body ready to be sent: memory chunks as read-only views, data files already open.
 * Files are opened when the answer is made, not when it is written, so a concurrent overwrite that
 * deletes them cannot cut the answer short: an open file outlives its name. Likewise it holds a
 * reference to the body's {@link StorageLease} from then until {@link #close()}, so the chunks
 * outlive a delete; whoever hands a memory part on beyond the close (a buffer in a socket's queue)
 * takes a reference of its own for it. Whoever takes a file part owns its channel; {@link #close()}
 * closes the ones nobody took.
 */
public final class OpenBlob implements AutoCloseable {
  /**
   * Bytes to send: {@code bytes} from memory, or {@code count} bytes of {@code file} from {@code
   * position}.
   */
  public record Part(ByteBuffer bytes, FileChannel file, long position, long count) {}

  private final List<Part> parts;
  private final long length;
  private final StorageLease lease;
  private int taken;
  private boolean closed;

  private OpenBlob(List<Part> parts, long length, StorageLease lease) {
    this.parts = parts;
    this.length = length;
    this.lease = lease;
  }

  /**
   * Opens the bytes from {@code start} to {@code end} (exclusive) of {@code blob}.
   *
   * @throws UncheckedIOException when a data file cannot be opened, or the body was released (for
   *     instance it was just replaced: the caller may read the object again)
   */
  public static OpenBlob open(Blob blob, long start, long end) {
    blob.retainToRead();
    List<Part> parts = new ArrayList<>();
    OpenBlob open = new OpenBlob(parts, Math.max(0, end - start), blob.lease());
    try {
      for (Blob.Piece piece : blob.pieces(start, end)) {
        if (piece.extent() instanceof Blob.Chunk chunk) {
          parts.add(new Part(chunk.view(piece.offset(), piece.count()), null, 0, piece.count()));
        } else {
          Blob.FileSegment segment = (Blob.FileSegment) piece.extent();
          FileChannel file = FileChannel.open(segment.file(), StandardOpenOption.READ);
          parts.add(new Part(null, file, piece.offset(), piece.count()));
        }
      }
    } catch (IOException e) {
      open.close();
      throw new UncheckedIOException(e);
    }
    return open;
  }

  /** Bytes held in memory only, such as a document. */
  public static OpenBlob of(List<ByteBuffer> slices) {
    List<Part> parts = new ArrayList<>();
    long length = 0;
    for (ByteBuffer slice : slices) {
      parts.add(new Part(slice.asReadOnlyBuffer(), null, 0, slice.remaining()));
      length += slice.remaining();
    }
    return new OpenBlob(parts, length, StorageLease.none());
  }

  /**
   * The storage the memory parts are in: take a reference for each part handed on beyond {@link
   * #close()}, and give it back when that part is done with.
   */
  public StorageLease lease() {
    return lease;
  }

  /** The number of bytes to send. */
  public long length() {
    return length;
  }

  /** Whether every part has been taken. */
  public synchronized boolean isEmpty() {
    return taken == parts.size();
  }

  /** Takes the next part (its file channel, if any, is now the caller's to close), or null. */
  public synchronized Part next() {
    return closed || taken == parts.size() ? null : parts.get(taken++);
  }

  /** Reads every byte into one array: for tests and small documents. */
  public byte[] readAll() {
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(length));
    for (Part part = next(); part != null; part = next()) {
      if (part.bytes() != null) {
        out.put(part.bytes().duplicate());
      } else {
        try (FileChannel file = part.file()) {
          ByteBuffer view = out.slice().limit((int) part.count());
          long position = part.position();
          while (view.hasRemaining()) {
            int n = file.read(view, position);
            if (n < 0) {
              throw new IOException("data file shorter than its body");
            }
            position += n;
          }
          out.position(out.position() + (int) part.count());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return out.array();
  }

  /** Closes the data files of the parts nobody took, and gives back the reference to the body. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    lease.release();
    for (int i = taken; i < parts.size(); i++) {
      FileChannel file = parts.get(i).file();
      if (file != null) {
        try {
          file.close();
        } catch (IOException e) {
          // Nothing was written through it; a failed close loses nothing.
        }
      }
    }
  }
}
