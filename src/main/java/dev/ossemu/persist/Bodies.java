package dev.ossemu.persist;

import dev.ossemu.blob.Blob;
import dev.ossemu.blob.BlobBuilder;
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
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Object bodies in data files, each version in a file of its own, checked when read back. Stored
 * bodies live on disk only: what the store keeps is the file's name, never its bytes.
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
      throw new UncheckedIOException("cannot write " + file, e);
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
   * Checks a body's data file (length, CRC-64, MD5 when recorded) by reading it once, and returns
   * the body as a view of that file, its bytes reserved on the quota.
   *
   * @throws DataDirectoryException when the file is missing, truncated or damaged
   */
  static Blob read(Path directory, Documents.BodyDoc doc, StorageQuota quota)
      throws DataDirectoryException {
    Path file = directory.resolve(doc.dataFile());
    MessageDigest md5 = md5();
    Crc64 crc = new Crc64();
    long length = 0;
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(BlobBuilder.CHUNK_BYTES);
      while (in.read(buffer.clear()) > 0) {
        buffer.flip();
        length += buffer.remaining();
        crc.update(buffer);
        md5.update(buffer);
      }
    } catch (IOException e) {
      throw new DataDirectoryException(file, "cannot read: " + e);
    }
    MessageDigest state = md5;
    byte[] digest = cloned(state).digest();
    if (length != doc.length()
        || !crc.value().equals(doc.crc64())
        || (doc.md5() != null && !Base64.getEncoder().encodeToString(digest).equals(doc.md5()))) {
      throw new DataDirectoryException(
          file, "bad checksum or length (expected " + doc.length() + " bytes)");
    }
    StorageLease lease = StorageLease.open(quota);
    lease.grow(length);
    return new Blob(
        List.of(new Blob.FileSegment(file, length)), length, state, crc.getValue(), lease);
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is part of every JRE", e);
    }
  }

  private static MessageDigest cloned(MessageDigest digest) {
    try {
      return (MessageDigest) digest.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JRE's MD5 can be cloned", e);
    }
  }
}
