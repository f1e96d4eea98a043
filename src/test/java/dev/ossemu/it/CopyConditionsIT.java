package dev.ossemu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.CopyObjectRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.UploadPartCopyRequest;
import dev.ossemu.OssEmulator;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * CopyObject and UploadPartCopy honour the {@code x-oss-copy-source-if-*} conditions on their
 * source, and CopyObject and multipart upload honour {@code x-oss-forbid-overwrite} (issue 14 item
 * 10), as the Java SDK 3.x sends them.
 */
class CopyConditionsIT {
  private static final String BUCKET = "copy-conditions";
  private static final Date PAST = new Date(0);
  private static final Date FUTURE = new Date(System.currentTimeMillis() + 86_400_000L);
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

  /** The SDK reports a 304 as error code NotModified (it has no body to read a code from). */
  private static String errorCode(Runnable call) {
    return catchThrowableOfType(OSSException.class, call::run).getErrorCode();
  }

  @EachSignatureVersion
  void copiesOnlyWhenTheSourceConditionsHold(SignVersion version) throws Exception {
    OSS client = client(version);
    String source = "src-" + version;
    String target = "dst-" + version;
    try {
      String etag = client.putObject(BUCKET, source, text("source")).getETag();
      CopyObjectRequest ifMatchOther = copy(source, target);
      ifMatchOther.setMatchingETagConstraints(List.of("00000000000000000000000000000000"));
      OSSException mismatch =
          catchThrowableOfType(OSSException.class, () -> client.copyObject(ifMatchOther));
      assertThat(mismatch.getErrorCode()).isEqualTo("PreconditionFailed");
      // OSS names the condition by its HTTP header (ali-oss's suite expects it from CopyObject).
      assertThat(mismatch.getRawResponseError()).contains("<Condition>If-Match</Condition>");
      CopyObjectRequest unmodifiedSincePast = copy(source, target);
      unmodifiedSincePast.setUnmodifiedSinceConstraint(PAST);
      OSSException modified =
          catchThrowableOfType(OSSException.class, () -> client.copyObject(unmodifiedSincePast));
      assertThat(modified.getErrorCode()).isEqualTo("PreconditionFailed");
      assertThat(modified.getRawResponseError())
          .contains("<Condition>If-Unmodified-Since</Condition>");
      CopyObjectRequest noneMatch = copy(source, target);
      noneMatch.setNonmatchingETagConstraints(List.of(etag));
      assertThat(errorCode(() -> client.copyObject(noneMatch))).isEqualTo("NotModified");
      CopyObjectRequest modifiedSinceFuture = copy(source, target);
      modifiedSinceFuture.setModifiedSinceConstraint(FUTURE);
      assertThat(errorCode(() -> client.copyObject(modifiedSinceFuture))).isEqualTo("NotModified");
      assertThat(client.doesObjectExist(BUCKET, target)).isFalse();

      CopyObjectRequest holds = copy(source, target);
      holds.setMatchingETagConstraints(List.of(etag));
      holds.setUnmodifiedSinceConstraint(FUTURE);
      holds.setModifiedSinceConstraint(PAST);
      assertThat(client.copyObject(holds).getETag()).isEqualTo(etag);
      assertThat(read(client, target)).isEqualTo("source");
    } finally {
      client.shutdown();
    }
  }

  @EachSignatureVersion
  void copiesAPartOnlyWhenTheSourceConditionsHold(SignVersion version) throws Exception {
    OSS client = client(version);
    String source = "part-src-" + version;
    String target = "part-dst-" + version;
    try {
      String etag = client.putObject(BUCKET, source, text("part source")).getETag();
      String uploadId =
          client
              .initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, target))
              .getUploadId();
      UploadPartCopyRequest mismatch = partCopy(source, target, uploadId);
      mismatch.setMatchingETagConstraints(List.of("00000000000000000000000000000000"));
      assertThat(
              catchThrowableOfType(OSSException.class, () -> client.uploadPartCopy(mismatch))
                  .getErrorCode())
          .isEqualTo("PreconditionFailed");
      UploadPartCopyRequest noneMatch = partCopy(source, target, uploadId);
      noneMatch.setNonmatchingETagConstraints(List.of(etag));
      assertThat(errorCode(() -> client.uploadPartCopy(noneMatch))).isEqualTo("NotModified");
      UploadPartCopyRequest modifiedSince = partCopy(source, target, uploadId);
      modifiedSince.setModifiedSinceConstraint(FUTURE);
      assertThat(errorCode(() -> client.uploadPartCopy(modifiedSince))).isEqualTo("NotModified");
      assertThat(
              client
                  .listParts(new com.aliyun.oss.model.ListPartsRequest(BUCKET, target, uploadId))
                  .getParts())
          .isEmpty();

      UploadPartCopyRequest holds = partCopy(source, target, uploadId);
      holds.setMatchingETagConstraints(List.of(etag));
      holds.setUnmodifiedSinceConstraint(FUTURE);
      PartETag part = client.uploadPartCopy(holds).getPartETag();
      client.completeMultipartUpload(
          new CompleteMultipartUploadRequest(
              BUCKET, target, uploadId, new java.util.ArrayList<>(List.of(part))));
      assertThat(read(client, target)).isEqualTo("part source");
    } finally {
      client.shutdown();
    }
  }

  @EachSignatureVersion
  void forbidsOverwritingByCopyOrMultipartWhenAsked(SignVersion version) throws Exception {
    OSS client = client(version);
    String source = "forbid-src-" + version;
    String existing = "forbid-dst-" + version;
    try {
      client.putObject(BUCKET, source, text("new"));
      client.putObject(BUCKET, existing, text("old"));
      CopyObjectRequest copy = copy(source, existing);
      copy.addHeader("x-oss-forbid-overwrite", "true");
      assertThat(
              catchThrowableOfType(OSSException.class, () -> client.copyObject(copy))
                  .getErrorCode())
          .isEqualTo("FileAlreadyExists");

      ObjectMetadata forbid = new ObjectMetadata();
      forbid.setHeader("x-oss-forbid-overwrite", "true");
      InitiateMultipartUploadRequest initiate =
          new InitiateMultipartUploadRequest(BUCKET, existing, forbid);
      assertThat(
              catchThrowableOfType(
                      OSSException.class, () -> client.initiateMultipartUpload(initiate))
                  .getErrorCode())
          .isEqualTo("FileAlreadyExists");

      // The key appears while the upload runs: Complete with the header is refused too.
      String racing = "forbid-race-" + version;
      String uploadId =
          client
              .initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, racing))
              .getUploadId();
      PartETag part = client.uploadPartCopy(partCopy(source, racing, uploadId)).getPartETag();
      client.putObject(BUCKET, racing, text("first"));
      CompleteMultipartUploadRequest complete =
          new CompleteMultipartUploadRequest(
              BUCKET, racing, uploadId, new java.util.ArrayList<>(List.of(part)));
      complete.addHeader("x-oss-forbid-overwrite", "true");
      OSSException completeExists =
          catchThrowableOfType(OSSException.class, () -> client.completeMultipartUpload(complete));
      assertThat(completeExists.getErrorCode()).isEqualTo("FileAlreadyExists");
      assertThat(completeExists.getEC()).isEqualTo("0042-00000214"); // DOC EC page 0042-00000214
      assertThat(read(client, existing)).isEqualTo("old");
      assertThat(read(client, racing)).isEqualTo("first");

      CopyObjectRequest allowed = copy(source, existing);
      allowed.addHeader("x-oss-forbid-overwrite", "false");
      client.copyObject(allowed);
      assertThat(read(client, existing)).isEqualTo("new");
    } finally {
      client.shutdown();
    }
  }

  private static CopyObjectRequest copy(String source, String target) {
    return new CopyObjectRequest(BUCKET, source, BUCKET, target);
  }

  private static UploadPartCopyRequest partCopy(String source, String target, String uploadId) {
    UploadPartCopyRequest request = new UploadPartCopyRequest(BUCKET, source, BUCKET, target);
    request.setUploadId(uploadId);
    request.setPartNumber(1);
    return request;
  }

  private static ByteArrayInputStream text(String value) {
    return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String read(OSS client, String key) throws Exception {
    try (InputStream in = client.getObject(BUCKET, key).getObjectContent()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
