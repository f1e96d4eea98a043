package dev.ossemu.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.InMemoryBucketStore;
import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.testing.RawRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Percent-escapes that are not UTF-8 are refused where they stand and never collide: the issue
 * measured {@code PUT /b/k%FF} then {@code GET /b/k%FE} answering 200 with the first body.
 */
class InvalidUtf8NamesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

  private final InMemoryBucketStore buckets = new InMemoryBucketStore();
  private final InMemoryObjectStore objects = new InMemoryObjectStore(new StorageQuota(1 << 20));
  private final PipelineHarness pipeline;

  InvalidUtf8NamesTest() {
    buckets.createIfAbsent(PipelineHarness.bucket("utf8-bucket", CLOCK));
    pipeline = new PipelineHarness(buckets, objects, CLOCK);
  }

  @AfterEach
  void close() {
    pipeline.close();
  }

  @Test
  void aKeyThatIsNotUtf8IsInvalidObjectNameAndNothingIsStored() {
    var put =
        pipeline.send(
            RawRequest.of("PUT", "/utf8-bucket/k%FF").body("first").signV1(CLOCK).bytes());
    var get = pipeline.send(RawRequest.of("GET", "/utf8-bucket/k%FE").signV1(CLOCK).bytes());

    assertThat(put.status()).isEqualTo(400);
    assertThat(put.body())
        .contains("<Code>InvalidObjectName</Code>")
        .contains("<ObjectName>k%FF</ObjectName>")
        .contains("<EC>0016-00000004</EC>"); // DOC EC page 0016-00000004
    assertThat(get.status()).isEqualTo(400);
    assertThat(get.body()).contains("<Code>InvalidObjectName</Code>").doesNotContain("first");
    assertThat(objects.isEmpty("utf8-bucket")).isTrue();
    assertThat(objects.quota().used()).isZero();
  }

  @Test
  void aBucketNameThatIsNotUtf8IsInvalidBucketName() {
    var answer = pipeline.send(RawRequest.of("PUT", "/utf8-%C3/k").body("x").signV1(CLOCK).bytes());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body())
        .contains("<Code>InvalidBucketName</Code>")
        .contains("<BucketName>utf8-%C3</BucketName>");
  }

  @Test
  void aQueryParameterThatIsNotUtf8IsInvalidArgument() {
    var answer =
        pipeline.send(RawRequest.of("GET", "/utf8-bucket/?prefix=a%FFb").signV1(CLOCK).bytes());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body())
        .contains("<Code>InvalidArgument</Code>")
        .contains("<ArgumentName>prefix</ArgumentName>")
        .contains("<ArgumentValue>a%FFb</ArgumentValue>");
  }

  @Test
  void aCopySourceThatIsNotUtf8IsInvalidObjectName() {
    var answer =
        pipeline.send(
            RawRequest.of("PUT", "/utf8-bucket/copy")
                .header("x-oss-copy-source", "/utf8-bucket/k%FF")
                .signV1(CLOCK)
                .bytes());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("<Code>InvalidObjectName</Code>");
  }

  @Test
  void validUtf8KeysStillWork() {
    // Anonymous, so the test's V1 signer (which signs the raw path) does not matter here.
    buckets.update("utf8-bucket", b -> b.withAcl("public-read-write"));
    var put =
        pipeline.send(RawRequest.of("PUT", "/utf8-bucket/%E4%B8%AD%F0%9F%98%80").body("v").bytes());

    assertThat(put.status()).isEqualTo(200);
    assertThat(objects.get("utf8-bucket", "\u4e2d\uD83D\uDE00")).isPresent();
  }
}
