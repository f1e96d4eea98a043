package dev.ossemu.auth;

import static dev.ossemu.auth.AuthFixtures.V1_DATE;
import static dev.ossemu.auth.AuthFixtures.V1_TIME;
import static dev.ossemu.auth.AuthFixtures.authenticator;
import static dev.ossemu.auth.AuthFixtures.hexBytes;
import static dev.ossemu.auth.AuthFixtures.rejection;
import static dev.ossemu.auth.AuthFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.OssRequest;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code Authorization: OSS ak:sig} end to end (spec §10.1, vectors §10.5). */
class AuthenticatorV1Test {
  /** Inside ±15 minutes of every captured SDK request (24 Nov 2026 07:49–07:54). */
  private static final Instant CAPTURE_TIME = Instant.parse("2026-11-24T07:51:30Z");

  private static final Principal AK =
      new Principal(Account.of("ak", "sk"), "ak", Principal.SignatureVersion.V1);

  static Stream<SignatureV1Test.Vector> headerVectors() {
    return SignatureV1Test.vectors().filter(v -> !v.presigned());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headerVectors")
  void acceptsTheHeaderVector(SignatureV1Test.Vector v) {
    OssRequest request = v.request();
    request.headers().add("Authorization", "OSS ak:" + v.signature());

    assertThat(authenticator(V1_TIME.plusSeconds(90)).authenticate(request, v.bucket(), v.key()))
        .isEqualTo(AK);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "NODE form of V1-3|/examplebucket/?resourceGroup&non-resousce=null|''"
            + "|vkQmfuUDyi1uDi3bKt67oemssIs=",
        "GO2 signs x-oss-* query keys|/examplebucket/nelson?acl&x-oss-custom=v1|nelson"
            + "|xQ3sU9QZpSxTwHePqeRc/s2xOJM=",
        "union only, x-oss-* query key unsigned|/examplebucket/nelson?acl&x-oss-custom=v1|nelson"
            + "|ES3wayaNeL++8V00lkI7O6Qkbts=",
      })
  void acceptsTheSdkVariants(String variant, String uri, String key, String signature) {
    String dateHeader = variant.startsWith("NODE") ? "x-oss-date: " : "Date: ";
    OssRequest request =
        request("GET", uri, dateHeader + V1_DATE, "Authorization: OSS ak:" + signature);

    assertThat(authenticator(V1_TIME).authenticate(request, "examplebucket", key)).isEqualTo(AK);
  }

  @Test
  void acceptsCapturedNodeRequestsSigningOnlyXOssDate() {
    Authenticator authenticator = authenticator(CAPTURE_TIME, "test-access-key", "test-secret-key");
    OssRequest get =
        request(
            "GET",
            "/examplebucket/?encryption=",
            "x-oss-date: Tue, 24 Nov 2026 07:53:55 GMT",
            "authorization: OSS test-access-key:jtzpLdRhh8xZX3+5NNlFPtgb+qw=");
    OssRequest put =
        request(
            "PUT",
            "/examplebucket/?encryption=",
            "x-oss-date: Tue, 24 Nov 2026 07:53:55 GMT",
            "content-type: application/xml",
            "content-md5: /LmfQi5tCMlcBJAXe0ns/A==",
            "authorization: OSS test-access-key:uXhAgoTrPaHptkdFJtZ2WDgE7wQ=");

    assertThat(authenticator.authenticate(get, "examplebucket", "").accessKeyId())
        .isEqualTo("test-access-key");
    assertThat(authenticator.authenticate(put, "examplebucket", "").signature())
        .isEqualTo(Principal.SignatureVersion.V1);
  }

  @Test
  void prefersXOssDateOverDateInTheDateSlot() {
    OssRequest request =
        request(
            "GET",
            "/examplebucket/?resourceGroup",
            "x-oss-date: " + V1_DATE,
            "Date: Wed, 28 Dec 2022 10:30:00 GMT",
            "Authorization: OSS ak:vkQmfuUDyi1uDi3bKt67oemssIs=");

    assertThat(authenticator(V1_TIME).authenticate(request, "examplebucket", "")).isEqualTo(AK);
  }

  @Test
  void rejectsSignatureFromAnotherSecret() {
    String provided = "kSHKmLxlyEAKtZPkJhG9bZb5k7M=";
    OssRequest request =
        request(
            "GET",
            "/examplebucket/?encryption",
            "Date: " + V1_DATE,
            "Authorization: OSS ak:" + provided);

    OssException error =
        rejection(() -> authenticator(V1_TIME).authenticate(request, "examplebucket", ""));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.SIGNATURE_DOES_NOT_MATCH);
    assertThat(error.status()).isEqualTo(403);
    assertThat(error.ec()).isEqualTo("0002-00000040");
    assertThat(error.getMessage())
        .isEqualTo(
            "The request signature we calculated does not match the signature you provided."
                + " Check your key and signing method.");
    assertThat(error.extras())
        .containsExactly(
            entry("OSSAccessKeyId", "ak"),
            entry("SignatureProvided", provided),
            entry("StringToSign", "GET\n\n\n" + V1_DATE + "\n/examplebucket/?encryption"),
            entry(
                "StringToSignBytes",
                "47 45 54 0A 0A 0A 57 65 64 2C 20 32 38 20 44 65 63 20 32 30 32 32 20 31 30 3A 32"
                    + " 37 3A 34 31 20 47 4D 54 0A 2F 65 78 61 6D 70 6C 65 62 75 63 6B 65 74 2F 3F"
                    + " 65 6E 63 72 79 70 74 69 6F 6E "));
  }

  @Test
  void rejectsASignatureOverAQueryKeyThatIsNoSubResource() {
    OssRequest request =
        request(
            "GET",
            "/examplebucket/nelson?acl&param1=x",
            "Date: " + V1_DATE,
            "Authorization: OSS ak:SYzaQY2dl3+3iD7CF489u+DaRB0=");

    OssException error =
        rejection(() -> authenticator(V1_TIME).authenticate(request, "examplebucket", "nelson"));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.SIGNATURE_DOES_NOT_MATCH);
    assertThat(error.extras().get("StringToSign"))
        .isEqualTo("GET\n\n\n" + V1_DATE + "\n/examplebucket/nelson?acl");
  }

  @Test
  void rejectsTheNonconformingJavaV2RequestThatOmitsEncryption() {
    String stringToSign =
        "GET\n1B2M2Y8AsgTpgAmY7PhCfg==\napplication/xml\nTue, 24 Nov 2026 07:53:54 GMT"
            + "\n/examplebucket/?encryption";
    OssRequest request =
        request(
            "GET",
            "/examplebucket/?encryption=",
            "Authorization: OSS test-access-key:RfV8DOgg7/ZsbIkF/gfZXhspD5U=",
            "Content-MD5: 1B2M2Y8AsgTpgAmY7PhCfg==",
            "Content-Type: application/xml",
            "Date: Tue, 24 Nov 2026 07:53:54 GMT");
    Authenticator authenticator = authenticator(CAPTURE_TIME, "test-access-key", "test-secret-key");

    OssException error = rejection(() -> authenticator.authenticate(request, "examplebucket", ""));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.SIGNATURE_DOES_NOT_MATCH);
    assertThat(error.extras())
        .containsExactly(
            entry("OSSAccessKeyId", "test-access-key"),
            entry("SignatureProvided", "RfV8DOgg7/ZsbIkF/gfZXhspD5U="),
            entry("StringToSign", stringToSign),
            entry("StringToSignBytes", hexBytes(stringToSign)));
  }

  @Test
  void rejectsAVectorReplayedAgainstAnotherBucket() {
    OssRequest request =
        request(
            "GET",
            "/examplebucket/?encryption",
            "Date: " + V1_DATE,
            "Authorization: OSS ak:BwDb6TVQ4UBwx9S3CtVmDiVbDn8=");

    OssException error =
        rejection(() -> authenticator(V1_TIME).authenticate(request, "otherbucket", ""));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.SIGNATURE_DOES_NOT_MATCH);
    assertThat(error.extras().get("StringToSign")).endsWith("\n/otherbucket/?encryption");
  }
}
