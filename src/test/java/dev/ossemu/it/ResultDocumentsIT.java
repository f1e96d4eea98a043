package dev.ossemu.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.CompleteMultipartUploadResult;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.MultipartUpload;
import com.aliyun.oss.model.MultipartUploadListing;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.UploadPartRequest;
import dev.ossemu.OssEmulator;
import dev.ossemu.testing.WireClient;
import dev.ossemu.testing.WireClient.Reply;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shapes of result documents the SDKs' own suites read: timestamps, ListMultipartUploads
 * markers and order, ListParts without parts, PutBucket's Location and CompleteMultipartUpload's.
 */
class ResultDocumentsIT {
  private static final String BUCKET = "result-docs";

  /** The real time, always at millisecond 123 of its second: OSS still writes {@code .000Z}. */
  private static final Clock CLOCK =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return Instant.now().truncatedTo(ChronoUnit.SECONDS).plusMillis(123);
        }
      };

  private OssEmulator oss;
  private OSS client;
  private WireClient wire;

  @BeforeEach
  void start() {
    oss = OssEmulator.builder().bucket(BUCKET).clock(CLOCK).build().start();
    client = JavaSdkV3Clients.client(oss, SignVersion.V1, oss.accessKeyId(), oss.accessKeySecret());
    wire = new WireClient(oss.port(), oss.accessKeyId(), oss.accessKeySecret(), CLOCK);
  }

  @AfterEach
  void stop() {
    client.shutdown();
    oss.close();
  }

  private String initiate(String key) {
    return client
        .initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, key))
        .getUploadId();
  }

  @Test
  void writesEveryTimestampWithZeroMilliseconds() {
    client.putObject(BUCKET, "a", new ByteArrayInputStream("x".getBytes()));
    String uploadId = initiate("m");
    wire.send(
        "PUT", BUCKET, "m", "partNumber=1&uploadId=" + uploadId, "", Map.of(), "p".getBytes());

    List<String> bodies =
        List.of(
            wire.send("GET", null, "", "").text(),
            wire.send("GET", BUCKET, "", "bucketInfo").text(),
            wire.send("GET", BUCKET, "", "").text(),
            wire.send("GET", BUCKET, "", "", "list-type=2", Map.of(), new byte[0]).text(),
            wire.send("GET", BUCKET, "", "uploads").text(),
            wire.send("GET", BUCKET, "m", "uploadId=" + uploadId).text(),
            wire.send("GET", BUCKET, "", "versions").text(),
            wire.send(
                    "PUT",
                    BUCKET,
                    "b",
                    "",
                    "",
                    Map.of("x-oss-copy-source", "/" + BUCKET + "/a"),
                    new byte[0])
                .text());

    // oss2's utils._ISO8601_RE accepts only this form.
    Pattern stamp = Pattern.compile(">(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z)<");
    List<String> stamps = new ArrayList<>();
    for (String body : bodies) {
      Matcher matcher = stamp.matcher(body);
      assertThat(matcher.find()).as(body).isTrue();
      do {
        stamps.add(matcher.group(1));
      } while (matcher.find());
    }
    assertThat(stamps)
        .hasSizeGreaterThanOrEqualTo(bodies.size())
        .allMatch(s -> s.endsWith(".000Z"));
  }

  @Test
  void listsUploadsOfAKeyByUploadIdWithNextMarkersOnEveryPage() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(initiate("same-key"));
    }
    ids.sort(null);
    initiate("z-key");

    ListMultipartUploadsRequest request = new ListMultipartUploadsRequest(BUCKET);
    request.setMaxUploads(2);
    MultipartUploadListing first = client.listMultipartUploads(request);
    assertThat(first.getMultipartUploads())
        .extracting(MultipartUpload::getUploadId)
        .containsExactly(ids.get(0), ids.get(1));
    assertThat(first.isTruncated()).isTrue();
    assertThat(first.getNextKeyMarker()).isEqualTo("same-key");
    assertThat(first.getNextUploadIdMarker()).isEqualTo(ids.get(1));

    request.setKeyMarker(first.getNextKeyMarker());
    request.setUploadIdMarker(first.getNextUploadIdMarker());
    MultipartUploadListing second = client.listMultipartUploads(request);
    assertThat(second.getMultipartUploads())
        .extracting(MultipartUpload::getKey)
        .containsExactly("same-key", "z-key");
    assertThat(second.getMultipartUploads().get(0).getUploadId()).isEqualTo(ids.get(2));
    assertThat(second.isTruncated()).isFalse();
    // Not truncated, still named: the last upload listed.
    assertThat(second.getNextKeyMarker()).isEqualTo("z-key");
    assertThat(second.getNextUploadIdMarker())
        .isEqualTo(second.getMultipartUploads().get(1).getUploadId());
  }

  @Test
  void answersEmptyNextMarkersWhenNothingIsListed() {
    String uploads = wire.send("GET", BUCKET, "", "uploads").text();
    assertThat(uploads)
        .contains("<NextKeyMarker></NextKeyMarker>", "<NextUploadIdMarker></NextUploadIdMarker>");

    String uploadId = initiate("no-parts");
    String parts = wire.send("GET", BUCKET, "no-parts", "uploadId=" + uploadId).text();
    assertThat(parts).contains("<NextPartNumberMarker></NextPartNumberMarker>");
  }

  @Test
  void answersPutBucketWithTheBucketPathAsLocation() {
    Reply reply = wire.send("PUT", "new-bucket-loc", "", "");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Location")).isEqualTo("/new-bucket-loc");
  }

  @Test
  void answersPutBucketAclWithLocationCreatingAMissingBucket() {
    Reply created =
        wire.send(
            "PUT", "acl-created", "", "acl", "", Map.of("x-oss-acl", "public-read"), new byte[0]);
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.header("Location")).isEqualTo("/acl-created");
    assertThat(client.getBucketAcl("acl-created").getCannedACL().toString())
        .isEqualTo("public-read");

    Reply changed =
        wire.send("PUT", BUCKET, "", "acl", "", Map.of("x-oss-acl", "private"), new byte[0]);
    assertThat(changed.header("Location")).isEqualTo("/" + BUCKET);
  }

  @Test
  void answersCompleteMultipartUploadWithAnAbsoluteLocation() {
    String uploadId = initiate("dir/object");
    UploadPartRequest part =
        new UploadPartRequest(
            BUCKET, "dir/object", uploadId, 1, new ByteArrayInputStream("body".getBytes()), 4);
    PartETag etag = client.uploadPart(part).getPartETag();

    CompleteMultipartUploadResult result =
        client.completeMultipartUpload(
            new CompleteMultipartUploadRequest(
                BUCKET, "dir/object", uploadId, new ArrayList<>(List.of(etag))));

    assertThat(result.getLocation())
        .isEqualTo("http://127.0.0.1:" + oss.port() + "/" + BUCKET + "/dir/object");
  }
}
