package dev.ossemu.persist;

import dev.ossemu.blob.Blob;
import dev.ossemu.blob.BlobBuilder;
import dev.ossemu.blob.BlobMd5;
import dev.ossemu.blob.Crc64;
import dev.ossemu.blob.StorageLease;
import dev.ossemu.blob.StorageQuota;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Object bodies in data files, checked when read back. Stored bodies live on disk only: what the
 * store keeps is the files' names, never their bytes. A new file per version, but for appends and
 * completed uploads ({@link BodyPlacement}).
 */
final class Bodies {
  private Bodies() {}

  /**
   * A body written to its data file.
   *
   * @param doc what describes it in the metadata
   * @param blob the same body, read from that file from now on
   */
  record Stored(Documents.BodyDoc doc, Blob blob) {}

  /**
   * Puts a body durably into a new file in {@code directory}: an upload staged in the data
   * directory is renamed into place (nothing is copied); any other body is streamed to a temporary
   * file, forced, and renamed.
   */
  static Stored write(DataDirectory data, Path directory, String stem, Blob blob) {
    String name = stem + "-" + UUID.randomUUID() + ".data";
    Path target = directory.resolve(name);
    Path staged = staged(data, blob);
    if (staged != null) {
      data.install(staged, target);
    } else {
      Path temporary = data.temporaryFile(directory, name);
      try {
        stream(blob, temporary);
        data.install(temporary, target);
      } catch (RuntimeException e) {
        data.delete(temporary);
        throw e;
      }
    }
    // The MD5 of a joined body (a completed upload) is not known without reading it all: the
    // CRC-64, always known, checks the file on start.
    String md5 = blob.md5State() == null ? null : Base64.getEncoder().encodeToString(blob.md5());
    Blob stored = blob.relocated(List.of(new Blob.FileSegment(target, blob.length())));
    return new Stored(new Documents.BodyDoc(name, blob.length(), md5, blob.crc64()), stored);
  }

  /** The staged upload file that is all of {@code blob}, or null. */
  private static Path staged(DataDirectory data, Blob blob) {
    if (blob.extents().size() == 1
        && blob.extents().get(0) instanceof Blob.FileSegment segment
        && segment.file().startsWith(data.root().resolve("incoming"))
        && Files.exists(segment.file())) {
      return segment.file();
    }
    return null;
  }

  private static void stream(Blob blob, Path file) {
    try (FileChannel out =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      blob.forEachSlice(0, blob.length(), slice -> writeFully(out, slice));
      out.force(true);
    } catch (IOException e) {
      throw WriteFailure.of(file, e); // 507 when the disk is full
    } catch (UncheckedIOException e) {
      throw WriteFailure.of(file, e.getCause()); // a failed write of one slice
    }
  }

  private static void writeFully(FileChannel out, ByteBuffer slice) {
    try {
      ByteBuffer view = slice.duplicate();
      while (view.hasRemaining()) {
        out.write(view);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks a body's data files (length, CRC-64, MD5 when recorded) by reading each once, and
   * returns the body as a view of them, its bytes reserved on the quota. Only the first {@code
   * length} bytes of a file are the body's: an append interrupted by a crash may have left more,
   * which the next append overwrites.
   *
   * @throws DataDirectoryException when a file is missing, truncated or damaged
   */
  static Blob read(Path directory, Documents.BodyDoc doc, StorageQuota quota)
      throws DataDirectoryException {
    MessageDigest md5 = BlobMd5.fresh();
    List<Blob.Extent> extents = new ArrayList<>();
    long crc = 0;
    long length = 0;
    for (Documents.SegmentDoc segment : doc.pieces()) {
      Path file = directory.resolve(segment.dataFile());
      long value = check(file, segment, md5);
      crc = Crc64.combine(crc, value, segment.length());
      length += segment.length();
      extents.add(new Blob.FileSegment(file, segment.length()));
    }
    String digest = Base64.getEncoder().encodeToString(BlobMd5.cloned(md5).digest());
    if (length != doc.length()
        || !Crc64.format(crc).equals(doc.crc64())
        || (doc.md5() != null && !digest.equals(doc.md5()))) {
      throw new DataDirectoryException(
          directory.resolve(doc.files().get(0)),
          "bad checksum or length (expected " + doc.length() + " bytes)");
    }
    StorageLease lease = StorageLease.open(quota);
    lease.grow(length);
    return new Blob(extents, length, md5, crc, lease);
  }

  /** Reads the first {@code segment.length()} bytes of {@code file}; returns their CRC-64. */
  private static long check(Path file, Documents.SegmentDoc segment, MessageDigest md5)
      throws DataDirectoryException {
    Crc64 crc = new Crc64();
    long remaining = segment.length();
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(BlobBuilder.CHUNK_BYTES);
      while (remaining > 0) {
        buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
        if (in.read(buffer) < 0) {
          throw new DataDirectoryException(
              file, "truncated (expected " + segment.length() + " bytes)");
        }
        buffer.flip();
        remaining -= buffer.remaining();
        crc.update(buffer);
        md5.update(buffer);
      }
    } catch (IOException e) {
      throw new DataDirectoryException(file, "cannot read: " + e);
    }
    if (segment.crc64() != null && !crc.value().equals(segment.crc64())) {
      throw new DataDirectoryException(file, "bad checksum");
    }
    return crc.getValue();
  }
}
