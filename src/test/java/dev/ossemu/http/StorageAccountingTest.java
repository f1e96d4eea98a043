package dev.ossemu.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.InMemoryBucketStore;
import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.testing.RawRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each storage accounting leak the issue measured, through the whole pipeline: after every request
 * the quota holds exactly the bytes of what is stored, and after a reset nothing.
 */
class StorageAccountingTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
  private static final int KIB = 1024;

  private final StorageQuota quota = new StorageQuota(1024 * KIB);
  private final ObjectStore objects = new InMemoryObjectStore(quota);
  private final InMemoryBucketStore buckets = new InMemoryBucketStore();
  private final PipelineHarness pipeline;

  StorageAccountingTest() {
    buckets.createIfAbsent(PipelineHarness.bucket("bkt", CLOCK));
    pipeline = new PipelineHarness(buckets, objects, CLOCK);
  }

  @AfterEach
  void nothingLeftAfterReset() {
    objects.clear();
    assertThat(quota.used()).isZero();
    pipeline.close();
  }

  private int status(byte[]... pieces) {
    return pipeline.send(pieces).status();
  }

  private String[] exchange(byte[]... pieces) {
    return new String[] {"", pipeline.send(pieces).body()};
  }

  private int put(String key, int bytes) {
    return status(
        RawRequest.of("PUT", "/bkt/" + key).body("a".repeat(bytes)).signV1(CLOCK).bytes());
  }

  @Test
  void aSelfCopyCountsTheObjectOnce() {
    assertThat(put("k", 10 * KIB)).isEqualTo(200);
    for (int i = 0; i < 5; i++) {
      byte[] copy =
          RawRequest.of("PUT", "/bkt/k")
              .header("x-oss-copy-source", "/bkt/k")
              .header("x-oss-metadata-directive", "REPLACE")
              .signV1(CLOCK)
              .bytes();
      assertThat(status(copy)).isEqualTo(200);
      assertThat(quota.used()).isEqualTo(10 * KIB);
    }
  }

  @Test
  void aCopyToAnotherKeySharesTheBytesAndOutlivesItsSource() {
    put("source", 10 * KIB);
    byte[] copy =
        RawRequest.of("PUT", "/bkt/copy")
            .header("x-oss-copy-source", "/bkt/source")
            .signV1(CLOCK)
            .bytes();
    assertThat(status(copy)).isEqualTo(200);
    assertThat(quota.used()).isEqualTo(10 * KIB);
    assertThat(status(RawRequest.of("DELETE", "/bkt/source").signV1(CLOCK).bytes())).isEqualTo(204);
    assertThat(quota.used()).isEqualTo(10 * KIB);
    assertThat(status(RawRequest.of("DELETE", "/bkt/copy").signV1(CLOCK).bytes())).isEqualTo(204);
    assertThat(quota.used()).isZero();
  }

  @Test
  void anUploadRefusedBeforeTheServiceGivesItsBodyBack() {
    RawRequest tooMany = RawRequest.of("PUT", "/bkt/many").body("a".repeat(5000));
    for (int i = 0; i < 101; i++) {
      tooMany.header("x-oss-meta-h" + i, "v");
    }
    assertThat(status(tooMany.signV1(CLOCK).bytes())).isEqualTo(400);
    assertThat(quota.used()).isZero();
  }

  @Test
  void anUploadWithABrokenChunkGivesItsBodyBack() {
    byte[] head =
        "PUT /b/chunked HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
            .getBytes(StandardCharsets.UTF_8);
    byte[] chunk = ("1000\r\n" + "a".repeat(4096) + "\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] broken = "zz\r\n".getBytes(StandardCharsets.UTF_8);
    assertThat(status(head, chunk, broken)).isEqualTo(400);
    assertThat(quota.used()).isZero();
  }

  @Test
  void aBodySentWithCopyObjectOrUploadPartCopyIsNeverKept() {
    put("source", 10 * KIB);
    byte[] copy =
        RawRequest.of("PUT", "/bkt/copy")
            .header("x-oss-copy-source", "/bkt/source")
            .body("z".repeat(50 * KIB))
            .signV1(CLOCK)
            .bytes();
    assertThat(status(copy)).isEqualTo(200);
    assertThat(quota.used()).isEqualTo(10 * KIB);

    String uploadId = initiate("mp");
    byte[] partCopy =
        RawRequest.of("PUT", "/bkt/mp?partNumber=1&uploadId=" + uploadId)
            .header("x-oss-copy-source", "/bkt/source")
            .header("x-oss-copy-source-range", "bytes=0-1023")
            .body("z".repeat(50 * KIB))
            .signV1(CLOCK)
            .bytes();
    assertThat(status(partCopy)).isEqualTo(200);
    assertThat(quota.used()).isEqualTo(11 * KIB);
  }

  @Test
  void aCopyRefusedForABadHeaderKeepsNothing() {
    put("source", 10 * KIB);
    byte[] badSse =
        RawRequest.of("PUT", "/bkt/copy")
            .header("x-oss-copy-source", "/bkt/source")
            .header("x-oss-server-side-encryption", "DES")
            .signV1(CLOCK)
            .bytes();
    assertThat(status(badSse)).isEqualTo(400);
    byte[] badClass =
        RawRequest.of("PUT", "/bkt/copy")
            .header("x-oss-copy-source", "/bkt/source")
            .header("x-oss-storage-class", "Nonsense")
            .signV1(CLOCK)
            .bytes();
    assertThat(status(badClass)).isEqualTo(400);
    assertThat(quota.used()).isEqualTo(10 * KIB);
  }

  @Test
  void anAppendableObjectCountsOnceWhileItGrows() {
    byte[] first =
        RawRequest.of("POST", "/bkt/log?append&position=0")
            .body("a".repeat(400 * KIB))
            .signV1(CLOCK)
            .bytes();
    assertThat(status(first)).isEqualTo(200);
    byte[] second =
        RawRequest.of("POST", "/bkt/log?append&position=" + 400 * KIB)
            .body("b".repeat(400 * KIB))
            .signV1(CLOCK)
            .bytes();
    assertThat(status(second)).isEqualTo(200);
    assertThat(quota.used()).isEqualTo(800 * KIB);
    assertThat(objects.get("bkt", "log").orElseThrow().size()).isEqualTo(800 * KIB);
  }

  @Test
  void aPartForAnAbortedUploadIsRefusedAndNotKept() {
    String uploadId = initiate("mp");
    assertThat(
            status(RawRequest.of("DELETE", "/bkt/mp?uploadId=" + uploadId).signV1(CLOCK).bytes()))
        .isEqualTo(204);
    byte[] part =
        RawRequest.of("PUT", "/bkt/mp?partNumber=1&uploadId=" + uploadId)
            .body("p".repeat(20 * KIB))
            .signV1(CLOCK)
            .bytes();
    assertThat(status(part)).isEqualTo(404);
    assertThat(quota.used()).isZero();
  }

  @Test
  void aCompletedUploadCountsItsListedPartsOnceAndASecondCompleteFails() {
    String uploadId = initiate("mp");
    String etag1 = uploadPart(uploadId, 1, 100 * KIB);
    String etag2 = uploadPart(uploadId, 2, 10 * KIB);
    uploadPart(uploadId, 3, 30 * KIB); // not listed: released on completion
    assertThat(quota.used()).isEqualTo(140 * KIB);
    byte[] complete = complete(uploadId, etag1, etag2);
    assertThat(status(complete)).isEqualTo(200);
    assertThat(quota.used()).isEqualTo(110 * KIB);
    assertThat(status(complete(uploadId, etag1, etag2))).isEqualTo(404);
    assertThat(quota.used()).isEqualTo(110 * KIB);
  }

  private byte[] complete(String uploadId, String etag1, String etag2) {
    return RawRequest.of("POST", "/bkt/mp?uploadId=" + uploadId)
        .body(
            "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"
                + etag1
                + "</ETag></Part><Part><PartNumber>2</PartNumber><ETag>"
                + etag2
                + "</ETag></Part></CompleteMultipartUpload>")
        .signV1(CLOCK)
        .bytes();
  }

  private String initiate(String key) {
    String xml =
        exchange(RawRequest.of("POST", "/bkt/" + key + "?uploads").signV1(CLOCK).bytes())[1];
    return xml.substring(xml.indexOf("<UploadId>") + 10, xml.indexOf("</UploadId>"));
  }

  private String uploadPart(String uploadId, int number, int bytes) {
    byte[] part =
        RawRequest.of("PUT", "/bkt/mp?partNumber=" + number + "&uploadId=" + uploadId)
            .body(String.valueOf(number).repeat(bytes))
            .signV1(CLOCK)
            .bytes();
    assertThat(status(part)).isEqualTo(200);
    return objects.upload("bkt", uploadId).orElseThrow().part(number).etag();
  }
}
