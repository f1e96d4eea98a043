package dev.ossemu.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.testing.TestService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signature V2 ({@code OSS2}) as the Java 3.x, Go v1 and Python oss2 signers compute it, header and
 * presigned URL (issue 14 item 18): their requests (see {@code vectors/v2/README.md}) replayed
 * through the whole pipeline.
 */
class SignatureV2VectorsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T11:15:00Z"), ZoneOffset.UTC);

  @ParameterizedTest
  @ValueSource(strings = {"java-sdk-3x", "go-sdk", "python-oss2"})
  void acceptsTheSdksHeaderAndUrlSignatures(String sdk) throws IOException {
    TestService oss = new TestService(CLOCK);
    oss.createBucket("examplebucket", null);
    try (EmbeddedPipeline pipeline = new EmbeddedPipeline(oss.service, CLOCK, 65536)) {
      EmbeddedPipeline.Response put = pipeline.exchange(vector(sdk + "-PutObject-v2.http"));
      assertThat(put.status()).as(put.body()).isEqualTo(200);

      EmbeddedPipeline.Response acl = pipeline.exchange(vector(sdk + "-GetObjectAcl-v2.http"));
      assertThat(acl.status()).as(acl.body()).isEqualTo(200);
      assertThat(acl.body()).contains("<Grant>default</Grant>");

      EmbeddedPipeline.Response get =
          pipeline.exchange(vector(sdk + "-presigned-GetObject-v2.http"));
      assertThat(get.status()).as(get.body()).isEqualTo(200);
      assertThat(get.body()).isEqualTo("hello v2");
      assertThat(get.header("x-oss-meta-author")).isEqualTo("alice");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "java-sdk-3x-PutObject-v2.http",
        "go-sdk-PutObject-v2.http",
        "python-oss2-PutObject-v2.http",
        "go-sdk-presigned-GetObject-v2.http"
      })
  void refusesTheSameRequestWithOneSignedByteChanged(String file) throws IOException {
    TestService oss = new TestService(CLOCK);
    oss.createBucket("examplebucket", null);
    // "alice" becomes "alicf" in a PutObject; the key's last letter in the URL.
    String raw = new String(vector(file), StandardCharsets.ISO_8859_1);
    String tampered =
        raw.contains("alice") ? raw.replace("alice", "alicf") : raw.replace(".txt?", ".txu?");
    try (EmbeddedPipeline pipeline = new EmbeddedPipeline(oss.service, CLOCK, 65536)) {
      EmbeddedPipeline.Response response =
          pipeline.exchange(tampered.getBytes(StandardCharsets.ISO_8859_1));
      assertThat(response.status()).isEqualTo(403);
      assertThat(response.body()).contains("<Code>SignatureDoesNotMatch</Code>");
    }
    assertThat(oss.store.find("examplebucket")).isPresent();
  }

  private static byte[] vector(String file) throws IOException {
    try (InputStream in = SignatureV2VectorsTest.class.getResourceAsStream("/vectors/v2/" + file)) {
      assertThat(in).as(file).isNotNull();
      return in.readAllBytes();
    }
  }
}
