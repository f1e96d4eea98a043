package dev.ossemu.persist;

import dev.ossemu.blob.Blob;
import dev.ossemu.blob.BlobBuilder;
import dev.ossemu.bucket.Bucket;
import dev.ossemu.object.MultipartUpload;
import dev.ossemu.object.OssObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the completion tests share: bucket {@code b} with upload {@code u1} of {@code mp}, its parts
 * written through the store as UploadPart writes them, and the inode that tells a linked file from
 * a copy.
 */
final class UploadedParts {
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private UploadedParts() {}

  static OssObject object(String key, Blob blob, String type) {
    return new OssObject(
        key, blob, "\"E-2\"", NOW, type, Map.of(), Map.of(), "default", "Standard", null);
  }

  /** Creates the bucket and the upload, stores one part per array; the parts as stored. */
  static List<Blob> upload(DataDirectory data, PersistentObjectStore objects, byte[]... parts)
      throws DataDirectoryException {
    new PersistentBucketStore(data)
        .createIfAbsent(
            new Bucket(
                "b", "1234567890123456", "cn-hangzhou", NOW, "Standard", "LRS", "private", null));
    objects.createBucket("b");
    MultipartUpload upload =
        new MultipartUpload("u1", object("mp", Blob.empty(), "Multipart"), NOW);
    objects.addUpload("b", upload);
    for (int n = 1; n <= parts.length; n++) {
      BlobBuilder builder = new BlobBuilder(objects.quota());
      builder.append(parts[n - 1]);
      Blob body = builder.build();
      objects.putPart("b", upload, new MultipartUpload.Part(n, body, NOW));
      body.release();
    }
    return objects.upload("b", "u1").orElseThrow().parts().stream()
        .map(MultipartUpload.Part::blob)
        .toList();
  }

  static Object inode(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
