package dev.ossemu.persist;

import dev.ossemu.blob.Blob;
import dev.ossemu.blob.BlobBuilder;
import dev.ossemu.blob.StorageQuota;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Object bodies in data files: each version in a file of its own, checked when read back. */
final class Bodies {
  private Bodies() {}

  /** Writes a body durably to a new file in {@code directory}; returns what describes it. */
  static Documents.BodyDoc write(DataDirectory data, Path directory, String stem, Blob blob) {
    String file = stem + "-" + UUID.randomUUID() + ".data";
    List<ByteBuffer> slices = new ArrayList<>();
    blob.forEachSlice(0, blob.length(), slice -> slices.add(copy(slice)));
    data.write(directory.resolve(file), slices);
    return new Documents.BodyDoc(
        file, blob.length(), Base64.getEncoder().encodeToString(blob.md5()), blob.crc64());
  }

  private static ByteBuffer copy(ByteBuffer slice) {
    ByteBuffer copy = ByteBuffer.allocate(slice.remaining());
    copy.put(slice.duplicate()).flip();
    return copy;
  }

  /**
   * Reads a body back into quota-accounted chunks.
   *
   * @throws DataDirectoryException when the file is missing, truncated or damaged
   */
  static Blob read(Path directory, Documents.BodyDoc doc, StorageQuota quota)
      throws DataDirectoryException {
    Path file = directory.resolve(doc.dataFile());
    BlobBuilder builder = new BlobBuilder(quota);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[BlobBuilder.CHUNK_BYTES];
      int n;
      while ((n = in.read(buffer)) > 0) {
        builder.append(ByteBuffer.wrap(buffer, 0, n));
      }
    } catch (IOException e) {
      builder.discard();
      throw new DataDirectoryException(file, "cannot read: " + e);
    }
    Blob blob = builder.build();
    if (blob.length() != doc.length()
        || !Base64.getEncoder().encodeToString(blob.md5()).equals(doc.md5())) {
      blob.release();
      throw new DataDirectoryException(
          file, "bad checksum or length (expected " + doc.length() + " bytes)");
    }
    return blob;
  }
}
