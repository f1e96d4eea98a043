package dev.ossemu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.AbortMultipartUploadRequest;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.CopyObjectRequest;
import com.aliyun.oss.model.DeleteObjectsRequest;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.ListObjectsV2Request;
import com.aliyun.oss.model.ListObjectsV2Result;
import com.aliyun.oss.model.ListPartsRequest;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.PartListing;
import com.aliyun.oss.model.ResponseHeaderOverrides;
import com.aliyun.oss.model.UploadPartCopyRequest;
import com.aliyun.oss.model.UploadPartRequest;
import dev.ossemu.OssEmulator;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ListObjectsV2 paging, copies, part copies, multipart listings and their errors. */
class ObjectsMoreIT {
  private static final String BUCKET = "more-bucket";
  private OssEmulator oss;
  private OSS client;

  @BeforeEach
  void start() {
    oss = OssEmulator.builder().bucket(BUCKET).build().start();
    client = JavaSdkV3Clients.client(oss, SignVersion.V4, oss.accessKeyId(), oss.accessKeySecret());
  }

  @AfterEach
  void stop() {
    client.shutdown();
    oss.close();
  }

  private void put(String key, String body) {
    client.putObject(BUCKET, key, new ByteArrayInputStream(body.getBytes()));
  }

  private String get(GetObjectRequest request) throws Exception {
    try (InputStream in = client.getObject(request).getObjectContent()) {
      return new String(in.readAllBytes());
    }
  }

  @Test
  void pagesListObjectsV2WithTokensStartAfterAndOwner() {
    for (String key : List.of("b", "a", "c", "é", "z")) {
      put(key, key);
    }
    ListObjectsV2Request request = new ListObjectsV2Request(BUCKET);
    request.setMaxKeys(2);
    ListObjectsV2Result first = client.listObjectsV2(request);
    assertThat(first.getObjectSummaries()).extracting(s -> s.getKey()).containsExactly("a", "b");
    assertThat(first.getKeyCount()).isEqualTo(2);
    assertThat(first.getObjectSummaries().get(0).getOwner()).isNull();
    request.setContinuationToken(first.getNextContinuationToken());
    request.setFetchOwner(true);
    ListObjectsV2Result second = client.listObjectsV2(request);
    // UTF-8 byte order: "z" (0x7A) sorts before "é" (0xC3 0xA9).
    assertThat(second.getObjectSummaries()).extracting(s -> s.getKey()).containsExactly("c", "z");
    assertThat(second.getObjectSummaries().get(0).getOwner()).isNotNull();

    ListObjectsV2Request after = new ListObjectsV2Request(BUCKET);
    after.setStartAfter("z");
    after.setEncodingType("url");
    // encoding-type=url: keys come URL-encoded (whether the SDK decodes them or not).
    assertThat(client.listObjectsV2(after).getObjectSummaries())
        .extracting(
            s -> java.net.URLDecoder.decode(s.getKey(), java.nio.charset.StandardCharsets.UTF_8))
        .containsExactly("é");
  }

  @Test
  void copiesWithOrWithoutNewMetadataAndOverridesResponseHeaders() throws Exception {
    ObjectMetadata metadata = new ObjectMetadata();
    metadata.setContentType("text/plain");
    client.putObject(BUCKET, "src.txt", new ByteArrayInputStream("data".getBytes()), metadata);

    client.copyObject(BUCKET, "src.txt", BUCKET, "kept.txt");
    assertThat(client.getObjectMetadata(BUCKET, "kept.txt").getContentType())
        .isEqualTo("text/plain");
    CopyObjectRequest replace = new CopyObjectRequest(BUCKET, "src.txt", BUCKET, "replaced.txt");
    ObjectMetadata fresh = new ObjectMetadata();
    fresh.setContentType("application/json");
    replace.setNewObjectMetadata(fresh);
    client.copyObject(replace);
    assertThat(client.getObjectMetadata(BUCKET, "replaced.txt").getContentType())
        .isEqualTo("application/json");

    GetObjectRequest overridden = new GetObjectRequest(BUCKET, "src.txt");
    ResponseHeaderOverrides overrides = new ResponseHeaderOverrides();
    overrides.setContentDisposition("attachment; filename=report.txt");
    overridden.setResponseHeaders(overrides);
    var object = client.getObject(overridden);
    object.close();
    assertThat(object.getObjectMetadata().getContentDisposition())
        .isEqualTo("attachment; filename=report.txt");

    client.deleteObjects(
        new DeleteObjectsRequest(BUCKET).withKeys(List.of("kept.txt")).withQuiet(true));
    assertThat(client.doesObjectExist(BUCKET, "kept.txt")).isFalse();
  }

  @Test
  void copiesPartsListsAndRefusesBadCompletions() throws Exception {
    put("source.bin", "x".repeat(200 * 1024));
    String uploadId =
        client
            .initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, "joined.bin"))
            .getUploadId();
    UploadPartCopyRequest copy =
        new UploadPartCopyRequest(BUCKET, "source.bin", BUCKET, "joined.bin", uploadId);
    copy.setPartNumber(1);
    copy.setBeginIndex(0L);
    copy.setPartSize(150L * 1024);
    PartETag first = client.uploadPartCopy(copy).getPartETag();
    UploadPartRequest small =
        new UploadPartRequest(
            BUCKET, "joined.bin", uploadId, 2, new ByteArrayInputStream("tail".getBytes()), 4);
    PartETag second = client.uploadPart(small).getPartETag();

    PartListing parts = client.listParts(new ListPartsRequest(BUCKET, "joined.bin", uploadId));
    assertThat(parts.getParts()).extracting(p -> p.getSize()).containsExactly(150L * 1024, 4L);
    assertThat(
            client
                .listMultipartUploads(new ListMultipartUploadsRequest(BUCKET))
                .getMultipartUploads())
        .extracting(u -> u.getUploadId())
        .containsExactly(uploadId);

    // The SDK sorts the parts itself, so InvalidPartOrder is covered by a pipeline test.
    String unknown = errorCode(() -> complete(uploadId, List.of(first, new PartETag(3, "\"00\""))));
    assertThat(unknown).isEqualTo("InvalidPart");

    complete(uploadId, List.of(first, second));
    assertThat(client.getObjectMetadata(BUCKET, "joined.bin").getContentLength())
        .isEqualTo(150L * 1024 + 4);
    assertThat(get(new GetObjectRequest(BUCKET, "joined.bin").withRange(150L * 1024, -1)))
        .isEqualTo("tail");

    String aborted =
        client
            .initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, "gone.bin"))
            .getUploadId();
    client.abortMultipartUpload(new AbortMultipartUploadRequest(BUCKET, "gone.bin", aborted));
    assertThat(errorCode(() -> client.listParts(new ListPartsRequest(BUCKET, "gone.bin", aborted))))
        .isEqualTo("NoSuchUpload");
  }

  @Test
  void refusesSmallNonLastParts() {
    String uploadId =
        client
            .initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, "tiny.bin"))
            .getUploadId();
    PartETag one =
        client
            .uploadPart(
                new UploadPartRequest(
                    BUCKET, "tiny.bin", uploadId, 1, new ByteArrayInputStream("a".getBytes()), 1))
            .getPartETag();
    PartETag two =
        client
            .uploadPart(
                new UploadPartRequest(
                    BUCKET, "tiny.bin", uploadId, 2, new ByteArrayInputStream("b".getBytes()), 1))
            .getPartETag();
    OSSException small =
        catchThrowableOfType(
            OSSException.class, () -> complete(uploadId, "tiny.bin", List.of(one, two)));
    assertThat(small.getErrorCode()).isEqualTo("EntityTooSmall");
    assertThat(small.getEC()).isEqualTo("0042-00000213");
    assertThat(client.doesObjectExist(BUCKET, "tiny.bin")).isFalse();
  }

  private void complete(String uploadId, List<PartETag> parts) {
    complete(uploadId, "joined.bin", parts);
  }

  private void complete(String uploadId, String key, List<PartETag> parts) {
    // The SDK sorts the list in place: hand it a mutable copy.
    client.completeMultipartUpload(
        new CompleteMultipartUploadRequest(
            BUCKET, key, uploadId, new java.util.ArrayList<>(parts)));
  }

  private static String errorCode(Runnable call) {
    OSSException error = catchThrowableOfType(OSSException.class, call::run);
    return error == null ? null : error.getErrorCode();
  }
}
