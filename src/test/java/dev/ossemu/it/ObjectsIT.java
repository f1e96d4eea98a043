package dev.ossemu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.AppendObjectRequest;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.DeleteObjectsRequest;
import com.aliyun.oss.model.DeleteObjectsResult;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.ObjectListing;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.UploadPartRequest;
import dev.ossemu.OssEmulator;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Object operations as the Java SDK 3.x uses them, its CRC-64 checks on. */
class ObjectsIT {
  private static final String BUCKET = "objects-bucket";
  private static OssEmulator oss;

  @BeforeAll
  static void start() {
    oss = OssEmulator.builder().bucket(BUCKET).build().start();
  }

  @AfterAll
  static void stop() {
    oss.close();
  }

  private static OSS client(SignVersion version) {
    return JavaSdkV3Clients.client(oss, version, oss.accessKeyId(), oss.accessKeySecret());
  }

  @Test
  void uploadsA100MibObjectInPartsWithVerifiedChecksums() throws Exception {
    OSS client = client(SignVersion.V4);
    try {
      String key = "big/100mib.bin";
      String uploadId =
          client
              .initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, key))
              .getUploadId();
      MessageDigest whole = MessageDigest.getInstance("MD5");
      Random random = new Random(42);
      List<PartETag> parts = new ArrayList<>();
      int partSize = 10 * 1024 * 1024;
      for (int number = 1; number <= 10; number++) {
        byte[] part = new byte[partSize];
        random.nextBytes(part);
        whole.update(part);
        UploadPartRequest upload = new UploadPartRequest(BUCKET, key);
        upload.setUploadId(uploadId);
        upload.setPartNumber(number);
        upload.setPartSize(partSize);
        upload.setInputStream(new ByteArrayInputStream(part));
        parts.add(client.uploadPart(upload).getPartETag()); // the SDK checks each part's CRC-64
      }
      // The SDK checks the whole object's CRC-64 against the one it combined from the parts.
      client.completeMultipartUpload(
          new CompleteMultipartUploadRequest(BUCKET, key, uploadId, parts));

      MessageDigest downloaded = MessageDigest.getInstance("MD5");
      try (InputStream in = client.getObject(BUCKET, key).getObjectContent()) {
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
          downloaded.update(buffer, 0, n);
        }
      }
      assertThat(downloaded.digest()).isEqualTo(whole.digest());
      assertThat(client.getObjectMetadata(BUCKET, key).getETag()).endsWith("-10");
      client.deleteObject(BUCKET, key);
    } finally {
      client.shutdown();
    }
  }

  @EachSignatureVersion
  void listsWithPrefixDelimiterAndMarkers(SignVersion version) {
    OSS client = client(version);
    String root = "list-" + version + "/";
    try {
      for (String key : List.of("a.txt", "dir/1.txt", "dir/2.txt", "z.txt")) {
        client.putObject(BUCKET, root + key, new ByteArrayInputStream(key.getBytes()));
      }
      ListObjectsRequest request = new ListObjectsRequest(BUCKET, root, null, "/", 2);
      ObjectListing first = client.listObjects(request);
      assertThat(first.getObjectSummaries())
          .extracting(s -> s.getKey())
          .containsExactly(root + "a.txt");
      assertThat(first.getCommonPrefixes()).containsExactly(root + "dir/");
      assertThat(first.isTruncated()).isTrue();
      request.setMarker(first.getNextMarker());
      ObjectListing second = client.listObjects(request);
      assertThat(second.getObjectSummaries())
          .extracting(s -> s.getKey())
          .containsExactly(root + "z.txt");
      assertThat(second.getCommonPrefixes()).isEmpty();
      assertThat(second.isTruncated()).isFalse();

      DeleteObjectsResult deleted =
          client.deleteObjects(
              new DeleteObjectsRequest(BUCKET)
                  .withKeys(List.of(root + "a.txt", root + "dir/1.txt", root + "missing")));
      assertThat(deleted.getDeletedObjects())
          .containsExactlyInAnyOrder(root + "a.txt", root + "dir/1.txt", root + "missing");
      assertThat(client.listObjects(BUCKET, root).getObjectSummaries()).hasSize(2);
    } finally {
      client.shutdown();
    }
  }

  @EachSignatureVersion
  void appendsAtTheRightPositionOnly(SignVersion version) throws Exception {
    OSS client = client(version);
    String key = "log-" + version + ".txt";
    try {
      AppendObjectRequest first =
          new AppendObjectRequest(BUCKET, key, new ByteArrayInputStream("one\n".getBytes()));
      first.setPosition(0L);
      assertThat(client.appendObject(first).getNextPosition()).isEqualTo(4L);
      AppendObjectRequest second =
          new AppendObjectRequest(BUCKET, key, new ByteArrayInputStream("two\n".getBytes()));
      second.setPosition(4L);
      client.appendObject(second);
      AppendObjectRequest stale =
          new AppendObjectRequest(BUCKET, key, new ByteArrayInputStream("x".getBytes()));
      stale.setPosition(4L);
      OSSException error =
          catchThrowableOfType(OSSException.class, () -> client.appendObject(stale));
      assertThat(error.getErrorCode()).isEqualTo("PositionNotEqualToLength");
      try (InputStream in = client.getObject(BUCKET, key).getObjectContent()) {
        assertThat(new String(in.readAllBytes())).isEqualTo("one\ntwo\n");
      }
      assertThat(client.getObjectMetadata(BUCKET, key).getObjectType()).isEqualTo("Appendable");
    } finally {
      client.shutdown();
    }
  }

  @EachSignatureVersion
  void honoursRangesConditionsAndMetadata(SignVersion version) throws Exception {
    OSS client = client(version);
    String key = "meta-" + version + ".txt";
    try {
      ObjectMetadata metadata = new ObjectMetadata();
      metadata.setContentType("text/plain");
      metadata.setCacheControl("no-cache");
      metadata.addUserMetadata("author", "alice");
      client.putObject(BUCKET, key, new ByteArrayInputStream("0123456789".getBytes()), metadata);

      ObjectMetadata head = client.getObjectMetadata(BUCKET, key);
      assertThat(head.getContentType()).isEqualTo("text/plain");
      assertThat(head.getCacheControl()).isEqualTo("no-cache");
      assertThat(head.getUserMetadata()).containsEntry("author", "alice");
      assertThat(head.getETag()).isEqualTo("781E5E245D69B566979B86E28D23F2C7");

      GetObjectRequest tail = new GetObjectRequest(BUCKET, key);
      tail.setRange(-1, 3);
      try (InputStream in = client.getObject(tail).getObjectContent()) {
        assertThat(new String(in.readAllBytes())).isEqualTo("789");
      }
      GetObjectRequest beyond = new GetObjectRequest(BUCKET, key);
      beyond.setRange(20, 30);
      beyond.addHeader("x-oss-range-behavior", "standard");
      assertThat(
              catchThrowableOfType(OSSException.class, () -> client.getObject(beyond))
                  .getErrorCode())
          .isEqualTo("InvalidRange");
      GetObjectRequest mismatch = new GetObjectRequest(BUCKET, key);
      mismatch.setMatchingETagConstraints(List.of("\"0000\""));
      assertThat(
              catchThrowableOfType(OSSException.class, () -> client.getObject(mismatch))
                  .getErrorCode())
          .isEqualTo("PreconditionFailed");
    } finally {
      client.shutdown();
    }
  }

  @EachSignatureVersion
  void ignoresARangeThatDoesNotFitUnlessTheStandardBehaviourIsAskedFor(SignVersion version)
      throws Exception {
    OSS client = client(version);
    String key = "range-" + version + ".bin";
    byte[] body = new byte[100];
    new Random(7).nextBytes(body);
    try {
      client.putObject(BUCKET, key, new ByteArrayInputStream(body));
      // issue 14 item 11: OSS's compatible reading sends the whole object, 200.
      for (long[] range : new long[][] {{10, 200}, {100, 200}, {-1, 300}}) {
        GetObjectRequest request = new GetObjectRequest(BUCKET, key);
        request.setRange(range[0], range[1]);
        var object = client.getObject(request);
        try (InputStream in = object.getObjectContent()) {
          assertThat(in.readAllBytes()).as("%d-%d", range[0], range[1]).isEqualTo(body);
        }
        assertThat(object.getResponse().getStatusCode()).isEqualTo(200);
      }
      GetObjectRequest standard = new GetObjectRequest(BUCKET, key);
      standard.setRange(10, 200);
      standard.addHeader("x-oss-range-behavior", "standard");
      var cut = client.getObject(standard);
      try (InputStream in = cut.getObjectContent()) {
        assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(body, 10, 100));
      }
      assertThat(cut.getResponse().getStatusCode()).isEqualTo(206);
      GetObjectRequest past = new GetObjectRequest(BUCKET, key);
      past.setRange(100, 200);
      past.addHeader("x-oss-range-behavior", "standard");
      OSSException refused = catchThrowableOfType(OSSException.class, () -> client.getObject(past));
      assertThat(refused.getErrorCode()).isEqualTo("InvalidRange");
    } finally {
      client.shutdown();
    }
  }
}
