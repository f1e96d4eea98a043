package dev.ossemu.auth;

import static dev.ossemu.auth.AuthFixtures.OWNER;
import static dev.ossemu.auth.AuthFixtures.READER;
import static dev.ossemu.auth.AuthFixtures.V4_KEY;
import static dev.ossemu.auth.AuthFixtures.authenticator;
import static dev.ossemu.auth.AuthFixtures.rejection;
import static dev.ossemu.auth.AuthFixtures.request;
import static dev.ossemu.auth.AuthFixtures.stsAuthenticator;
import static dev.ossemu.auth.AuthFixtures.v4PresignedRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.OssRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Presigned URLs with the SDKs' vectors V1-P1, V1-P2, V4-P1..V4-P3 (spec §10.2, §10.4, §10.5). */
class AuthenticatorPresignedTest {
  private static final String V1_P1 =
      "/bucket/key?Expires=1699807420&OSSAccessKeyId=ak&Signature=dcLTea%2BYh9ApirQ8o8dOPqtvJXQ%3D"
          + "&versionId=versionId";
  private static final Instant V1_P1_EXPIRES = Instant.ofEpochSecond(1699807420);

  @Test
  void acceptsV1P1BeforeItExpires() {
    Principal principal =
        authenticator(V1_P1_EXPIRES.minusSeconds(60))
            .authenticate(request("GET", V1_P1), "bucket", "key");

    assertThat(principal)
        .isEqualTo(new Principal(Account.of("ak", "sk"), "ak", Principal.SignatureVersion.V1));
  }

  @Test
  void refusesV1P1OneSecondAfterItExpires() {
    Authenticator authenticator = authenticator(V1_P1_EXPIRES.plusSeconds(1));

    OssException error =
        rejection(() -> authenticator.authenticate(request("GET", V1_P1), "bucket", "key"));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.ACCESS_DENIED);
    assertThat(error.ec()).isEqualTo("0002-00000069");
    assertThat(error.extras())
        .containsExactly(
            entry("Expires", "2023-11-12T16:43:40Z"), entry("ServerTime", "2023-11-12T16:43:41Z"));
  }

  @Test
  void acceptsV1P2WithItsSecurityTokenAsASubResource() {
    Instant now = Instant.ofEpochSecond(1699808204).minusSeconds(60);
    Authenticator authenticator = stsAuthenticator(now);
    OssRequest request =
        request(
            "GET",
            "/bucket/key%2B123?Expires=1699808204&OSSAccessKeyId=ak"
                + "&Signature=jzKYRrM5y6Br0dRFPaTGOsbrDhY%3D&security-token=token&versionId=versionId");

    assertThat(authenticator.authenticate(request, "bucket", "key+123"))
        .isEqualTo(new Principal(OWNER, READER, "ak", Principal.SignatureVersion.V1));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "V4-P1|1702781677|''|a39966c61718be0d5b14e668088b3fa07601033f6518ac7b523100014269c0fe",
        "V4-P3|1702783809|&x-oss-additional-headers=abc%3Bzabc"
            + "|6bd984bfe531afb6db1f7550983a741b103a8c58e5e14f83ea474c2322dfa2b7",
      })
  void acceptsTheV4VectorsWithinTheirLifetime(
      String id, long signedAt, String extra, String signature) {
    Instant signed = Instant.ofEpochSecond(signedAt);

    for (long offset : new long[] {-900, 0, 599}) {
      Principal principal =
          authenticator(signed.plusSeconds(offset))
              .authenticate(v4Request(signed, extra, signature), "bucket", V4_KEY);

      assertThat(principal.signature()).isEqualTo(Principal.SignatureVersion.V4);
    }
  }

  @Test
  void refusesV4P1AfterItsLifetime() {
    Instant signed = Instant.ofEpochSecond(1702781677);
    OssRequest request =
        v4Request(signed, "", "a39966c61718be0d5b14e668088b3fa07601033f6518ac7b523100014269c0fe");

    OssException error =
        rejection(
            () -> authenticator(signed.plusSeconds(600)).authenticate(request, "bucket", V4_KEY));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.ACCESS_DENIED);
    assertThat(error.ec()).isEqualTo("0002-00000236");
  }

  @Test
  void refusesATamperedV4P1WithEc201() {
    Instant signed = Instant.ofEpochSecond(1702781677);
    OssRequest request =
        v4Request(signed, "", "b39966c61718be0d5b14e668088b3fa07601033f6518ac7b523100014269c0fe");

    OssException error =
        rejection(() -> authenticator(signed).authenticate(request, "bucket", V4_KEY));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.SIGNATURE_DOES_NOT_MATCH);
    assertThat(error.ec()).isEqualTo("0002-00000201");
    assertThat(error.extras().get("StringToSign"))
        .isEqualTo(
            "OSS4-HMAC-SHA256\n20231217T025437Z\n20231217/cn-hangzhou/oss/aliyun_v4_request\n"
                + "48814c11f278d51662015bf2f896b66ca10b6de0187ed8d952e341bbce0aa336");
  }

  private static OssRequest v4Request(Instant signed, String extra, String signature) {
    return v4PresignedRequest(RequestTime.ISO_BASIC.format(signed), extra, signature);
  }
}
