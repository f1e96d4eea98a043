package dev.ossemu.persist;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where the object store's files are in the data directory: an object is {@code
 * objects/<bucket>/<key hash>.meta} and the data files it names, an upload is the directory {@code
 * uploads/<bucket>/<uploadId>}.
 */
final class StoreLayout {
  private StoreLayout() {}

  /** The SHA-256 of {@code key} in hex: its metadata file's name, its data files' stem. */
  static String keyHash(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  /** {@code objects}: a directory per bucket. */
  static Path objectsRoot(DataDirectory data) {
    return data.root().resolve("objects");
  }

  static Path objectDir(DataDirectory data, String bucket) {
    return objectsRoot(data).resolve(bucket);
  }

  /**
   * The metadata file of the object whose key hashes to {@code hash}, in its bucket's directory.
   */
  static Path objectMeta(Path objectDir, String hash) {
    return objectDir.resolve(hash + ".meta");
  }

  /** {@code uploads}: a directory per bucket. */
  static Path uploadsRoot(DataDirectory data) {
    return data.root().resolve("uploads");
  }

  /** {@code uploads/<bucket>}: a directory per upload. */
  static Path bucketUploads(DataDirectory data, String bucket) {
    return uploadsRoot(data).resolve(bucket);
  }

  static Path uploadDir(DataDirectory data, String bucket, String uploadId) {
    return bucketUploads(data, bucket).resolve(uploadId);
  }
}
