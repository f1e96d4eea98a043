package dev.ossemu.persist;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.object.MultipartUpload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Multipart uploads written through to {@code uploads/<bucket>/<uploadId>}: its {@code upload.meta}
 * (the object the upload will become), and per part a {@code part-<n>.meta} naming the part's data
 * file. The caller ({@link PersistentObjectStore}) holds the bucket's lock.
 */
final class UploadFiles {
  private final DataDirectory data;
  private final ObjectMapper json;
  private final InMemoryObjectStore memory;

  UploadFiles(DataDirectory data, ObjectMapper json, InMemoryObjectStore memory) {
    this.data = data;
    this.json = json;
    this.memory = memory;
  }

  void add(String bucket, MultipartUpload upload) {
    if (!memory.hasBucket(bucket)) {
      throw OssException.noSuchBucket(bucket);
    }
    Path directory = StoreLayout.uploadDir(data, bucket, upload.uploadId());
    SealedDocument.write(
        data,
        json,
        directory.resolve("upload.meta"),
        new Documents.UploadDoc(
            upload.uploadId(),
            upload.initiated().toString(),
            Documents.ObjectDoc.of(upload.template(), null)));
    memory.addUpload(bucket, upload);
  }

  void putPart(String bucket, MultipartUpload upload, MultipartUpload.Part part) {
    if (memory.upload(bucket, upload.uploadId()).orElse(null) != upload) {
      // Checked before any file is written: a part of an aborted or completed upload must not
      // re-create the upload's directory without its upload.meta.
      throw OssException.of(OssErrorCode.NO_SUCH_UPLOAD)
          .extra("UploadId", upload.uploadId())
          .build();
    }
    Path directory = StoreLayout.uploadDir(data, bucket, upload.uploadId());
    String stem = "part-" + part.partNumber();
    Bodies.Stored body = Bodies.write(data, directory, stem, part.blob());
    try {
      SealedDocument.write(
          data,
          json,
          directory.resolve(stem + ".meta"),
          new Documents.PartDoc(part.partNumber(), body.doc(), part.lastModified().toString()));
    } catch (RuntimeException e) {
      data.delete(directory.resolve(body.doc().dataFile()));
      throw e;
    }
    memory.putPart(
        bucket,
        upload,
        new MultipartUpload.Part(part.partNumber(), body.blob(), part.lastModified()));
    deleteOtherData(directory, stem, body.doc().dataFile());
  }

  boolean remove(String bucket, String uploadId) {
    StoreLoader.deleteTree(data, StoreLayout.uploadDir(data, bucket, uploadId));
    return memory.removeUpload(bucket, uploadId);
  }

  /** Deletes the data files of {@code stem} other than {@code keep}: a replaced part's bytes. */
  private void deleteOtherData(Path directory, String stem, String keep) {
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path file : entries.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith(stem + "-") && name.endsWith(".data") && !name.equals(keep)) {
          data.delete(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + directory, e);
    }
  }
}
