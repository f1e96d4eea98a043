package dev.ossemu.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.testing.RawRequest;
import dev.ossemu.testing.TestService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole pipeline on an EmbeddedChannel: headers, errors, keep-alive, no leaks. */
class OssPipelineTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
  private static final String RULE =
      "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256"
          + "</SSEAlgorithm></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>";

  private final TestService oss = new TestService(CLOCK);
  private final EmbeddedPipeline pipeline = new EmbeddedPipeline(oss.service, CLOCK, 1024);

  @AfterEach
  void noLeaks() {
    pipeline.close();
  }

  @Test
  void answersWithTheCommonOssHeaders() {
    oss.createBucket("examplebucket", EncryptionRule.of(SseAlgorithm.SM4));
    EmbeddedPipeline.Response response =
        pipeline.exchange(RawRequest.of("GET", "/examplebucket/?encryption").signV1(CLOCK).bytes());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Server")).isEqualTo("AliyunOSS");
    assertThat(response.header("Date")).isEqualTo("Wed, 25 Nov 2026 10:00:00 GMT");
    assertThat(response.header("x-oss-request-id")).matches("[0-9A-F]{24}");
    assertThat(response.header("Content-Type")).isEqualTo("application/xml");
    assertThat(response.header("Content-Length"))
        .isEqualTo(String.valueOf(response.body().getBytes(StandardCharsets.UTF_8).length));
    assertThat(response.body())
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ServerSideEncryptionRule>"
                + "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>SM4</SSEAlgorithm>"
                + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>");
  }

  @Test
  void putThenDeleteChangesTheStoredRule() {
    oss.createBucket("examplebucket", null);
    EmbeddedPipeline.Response put =
        pipeline.exchange(
            RawRequest.of("PUT", "/examplebucket/?encryption").body(RULE).signV1(CLOCK).bytes());
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.body()).isEmpty();
    assertThat(oss.rule("examplebucket")).isEqualTo(EncryptionRule.of(SseAlgorithm.AES256));

    EmbeddedPipeline.Response delete =
        pipeline.exchange(
            RawRequest.of("DELETE", "/examplebucket/?encryption").signV1(CLOCK).bytes());
    assertThat(delete.status()).isEqualTo(204);
    assertThat(oss.rule("examplebucket")).isNull();
  }

  @Test
  void errorsCarryCodeMessageRequestIdHostIdAndEc() {
    EmbeddedPipeline.Response response =
        pipeline.exchange(RawRequest.of("GET", "/missing/?encryption").signV1(CLOCK).bytes());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("x-oss-ec")).isEqualTo("0015-00000101");
    assertThat(response.body())
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchBucket</Code>"
                + "<Message>The specified bucket does not exist.</Message><RequestId>"
                + response.header("x-oss-request-id")
                + "</RequestId><HostId>127.0.0.1:9000</HostId><BucketName>missing</BucketName>"
                + "<EC>0015-00000101</EC></Error>");
  }

  @Test
  void headErrorsHaveNoBodyAndTheErrorBase64EncodedInXOssErr() {
    EmbeddedPipeline.Response response =
        pipeline.exchange(RawRequest.of("HEAD", "/missing/").signV1(CLOCK).bytes());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).isEmpty();
    assertThat(response.header("x-oss-ec")).isEqualTo("0015-00000101");
    String error =
        new String(
            Base64.getDecoder().decode(response.header("x-oss-err")), StandardCharsets.UTF_8);
    assertThat(error)
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchBucket</Code>")
        .contains("<BucketName>missing</BucketName>");
  }

  @Test
  void keepsAnHttp11ConnectionOpenAcrossRequestsAndErrors() {
    pipeline.exchange(RawRequest.of("GET", "/missing/?encryption").signV1(CLOCK).bytes());
    EmbeddedPipeline.Response second =
        pipeline.exchange(RawRequest.of("GET", "/missing/?encryption").signV1(CLOCK).bytes());
    assertThat(second.status()).isEqualTo(404);
    assertThat(second.header("Connection")).isEqualTo("keep-alive");
    assertThat(pipeline.isOpen()).isTrue();
  }

  @Test
  void closesAnHttp10ConnectionWithoutKeepAlive() {
    EmbeddedPipeline.Response response =
        pipeline.exchange(
            RawRequest.of("GET", "/missing/?encryption").version("HTTP/1.0").signV1(CLOCK).bytes());
    assertThat(response.status()).isEqualTo(404);
    assertThat(pipeline.isOpen()).isFalse();
  }

  @Test
  void keepsAnHttp10ConnectionThatAsksForKeepAlive() {
    EmbeddedPipeline.Response response =
        pipeline.exchange(
            RawRequest.of("GET", "/missing/?encryption")
                .version("HTTP/1.0")
                .header("Connection", "keep-alive")
                .signV1(CLOCK)
                .bytes());
    assertThat(response.header("Connection")).isEqualToIgnoringCase("keep-alive");
    assertThat(pipeline.isOpen()).isTrue();
  }

  @Test
  void answersAGarbledRequestWithAnOssError() {
    EmbeddedPipeline.Response response = pipeline.exchange("\u0001\u0002 nonsense\r\n\r\n");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("<Code>InvalidRequest</Code>");
    assertThat(response.header("x-oss-request-id")).matches("[0-9A-F]{24}");
  }

  @Test
  void refusesAnOversizeBodyWithoutChangingTheRule() {
    oss.createBucket("examplebucket", EncryptionRule.of(SseAlgorithm.SM4));
    String huge = RULE + " ".repeat(2000);
    List<EmbeddedPipeline.Response> responses =
        pipeline.send(
            RawRequest.of("PUT", "/examplebucket/?encryption").body(huge).signV1(CLOCK).bytes());

    assertThat(responses).hasSize(1);
    assertThat(responses.get(0).status()).isEqualTo(400);
    assertThat(responses.get(0).body()).contains("<Code>EntityTooLarge</Code>");
    // DOC EC page 0017-00000501: a request document past its operation's limit.
    assertThat(responses.get(0).body()).contains("<EC>0017-00000501</EC>");
    assertThat(oss.rule("examplebucket")).isEqualTo(EncryptionRule.of(SseAlgorithm.SM4));
  }

  @Test
  void refusesAnAnnouncedOversizeBodyBeforeItIsSent() {
    oss.createBucket("examplebucket", null);
    String head =
        "PUT /examplebucket/?encryption HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Expect: 100-continue\r\nContent-Length: 100000\r\n\r\n";
    EmbeddedPipeline.Response response = pipeline.exchange(head);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("<Code>EntityTooLarge</Code>", "<EC>0017-00000501</EC>");
    assertThat(oss.rule("examplebucket")).isNull();
  }

  @Test
  void refusesAnAnnouncedObjectPastFiveGibWithItsEc() {
    oss.createBucket("examplebucket", null);
    String head =
        "PUT /examplebucket/huge.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Expect: 100-continue\r\nContent-Length: "
            + (5L * 1024 * 1024 * 1024 + 1)
            + "\r\n\r\n";
    EmbeddedPipeline.Response response = pipeline.exchange(head);
    assertThat(response.status()).isEqualTo(400);
    // DOC EC page 0017-00000102: an object body past the 5 GiB PutObject allows.
    assertThat(response.body()).contains("<Code>EntityTooLarge</Code>", "<EC>0017-00000102</EC>");
  }

  @Test
  void refusesARequestWithTooManyHeaders() {
    RawRequest request = RawRequest.of("GET", "/examplebucket/?encryption");
    for (int i = 0; i < RequestGuard.MAX_HEADER_LINES + 1; i++) {
      request.header("x-filler-" + i, "v");
    }
    EmbeddedPipeline.Response response = pipeline.exchange(request.bytes());
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("too many headers");
  }

  @Test
  void refusesOverlongHeadersWithAnOssError() {
    EmbeddedPipeline.Response response =
        pipeline.exchange(
            RawRequest.of("GET", "/examplebucket/?encryption")
                .header("x-oss-meta-big", "v".repeat(20_000))
                .bytes());
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("<Code>InvalidRequest</Code>");
  }

  @Test
  void answersAnUnsupportedMethodWithMethodNotAllowed() {
    EmbeddedPipeline.Response response =
        pipeline.exchange(RawRequest.of("PATCH", "/examplebucket/?encryption").bytes());
    assertThat(response.status()).isEqualTo(405);
    assertThat(response.header("Allow")).isEqualTo("PUT, GET, DELETE");
    assertThat(response.body()).contains("<Method>PATCH</Method>");
  }

  @Test
  void answersOtherAccountsWithAccessDeniedAndKeepsTheRule() {
    oss.createBucket("examplebucket", EncryptionRule.of(SseAlgorithm.SM4));
    EmbeddedPipeline.Response response =
        pipeline.exchange(
            RawRequest.of("PUT", "/examplebucket/?encryption")
                .body(RULE)
                .signV1(TestService.OTHER_ACCESS_KEY_ID, TestService.OTHER_SECRET, CLOCK)
                .bytes());
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.body()).contains("<Code>AccessDenied</Code>");
    assertThat(oss.rule("examplebucket")).isEqualTo(EncryptionRule.of(SseAlgorithm.SM4));
  }
}
