package dev.ossemu.auth;

import static dev.ossemu.auth.AuthFixtures.V1_DATE;
import static dev.ossemu.auth.AuthFixtures.V1_TIME;
import static dev.ossemu.auth.AuthFixtures.V4_CREDENTIAL;
import static dev.ossemu.auth.AuthFixtures.V4_DATE;
import static dev.ossemu.auth.AuthFixtures.V4_TIME;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What both signature versions share: dispatch, dates, the clock window, unknown keys. */
class AuthenticatorTest {
  /** D1 (spec §10.5). */
  private static final String D1_AUTH = "OSS ak:BwDb6TVQ4UBwx9S3CtVmDiVbDn8=";

  /** D3 (spec §10.5). */
  private static final String D3_AUTH =
      "OSS4-HMAC-SHA256 Credential="
          + V4_CREDENTIAL
          + ",Signature=4520fc8b0088c6d2298898b34b61e8c6c68915a501de0e42da5e12433da39c57";

  @Test
  void returnsTheAnonymousPrincipalWithoutAuthorization() {
    OssRequest request =
        request("GET", "/examplebucket/?encryption&x-oss-process=a", "Date: " + V1_DATE);

    Principal principal = authenticator(V1_TIME).authenticate(request, "examplebucket", "");

    assertThat(principal).isEqualTo(Principal.anonymous());
    assertThat(principal.isAnonymous()).isTrue();
    assertThat(principal.signature()).isEqualTo(Principal.SignatureVersion.ANONYMOUS);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {"Bearer token", "OSS2 ak:sig", "oss ak:sig", "OSSak:sig", "", "OSS4-HMAC-SHA256"})
  void refusesAnUnknownAuthorizationScheme(String authorization) {
    OssException error = rejectD1(authorization, V1_TIME);

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ARGUMENT);
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.getMessage()).isEqualTo("Authorization header is invalid.");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "OSS ak",
        "OSS :BwDb6TVQ4UBwx9S3CtVmDiVbDn8=",
        "OSS ak:",
        "OSS ",
        "OSS4-HMAC-SHA256 Signature=abc",
        "OSS4-HMAC-SHA256 Credential=" + V4_CREDENTIAL,
      })
  void refusesAHeaderWithoutKeyOrSignature(String authorization) {
    OssException error = rejectD1(authorization, V1_TIME);

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ARGUMENT);
    assertThat(error.getMessage())
        .isEqualTo("AccessKeyId or Signature is missing in Authorization header value.");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {D1_AUTH, D3_AUTH})
  void refusesASignedRequestWithoutDateWithEc503(String authorization) {
    OssRequest request =
        request("GET", "/examplebucket/?encryption", "Authorization: " + authorization);

    OssException error =
        rejection(() -> authenticator(V1_TIME).authenticate(request, "examplebucket", ""));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.ACCESS_DENIED);
    assertThat(error.status()).isEqualTo(403);
    assertThat(error.ec()).isEqualTo("0002-00000503");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        D1_AUTH + "|Date|28/12/2022 10:27:41",
        D1_AUTH + "|x-oss-date|yesterday",
        D3_AUTH + "|x-oss-date|2023-12-16T16:20:57Z",
        D3_AUTH + "|Date|20231216 162057",
      })
  void refusesAnUnparsableDateWithEc502(String authorization, String header, String date) {
    OssRequest request =
        request(
            "GET",
            "/examplebucket/?encryption",
            "Authorization: " + authorization,
            header + ": " + date);

    OssException error =
        rejection(() -> authenticator(V1_TIME).authenticate(request, "examplebucket", ""));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.ACCESS_DENIED);
    assertThat(error.ec()).isEqualTo("0002-00000502");
    assertThat(error.getMessage()).isEqualTo("Invalid date format of the request time: " + date);
  }

  @ParameterizedTest(name = "server {0} s after the request")
  @ValueSource(longs = {-900, 0, 900})
  void acceptsD1UpToExactlyFifteenMinutesEitherWay(long seconds) {
    Principal principal = acceptD1(V1_TIME.plusSeconds(seconds));

    assertThat(principal.accessKeyId()).isEqualTo("ak");
    assertThat(principal.signature()).isEqualTo(Principal.SignatureVersion.V1);
  }

  @ParameterizedTest(name = "server {0} s after the request")
  @ValueSource(longs = {-900, 0, 900})
  void acceptsD3UpToExactlyFifteenMinutesEitherWay(long seconds) {
    OssRequest request = d3Request(D3_AUTH);

    Principal principal =
        authenticator(V4_TIME.plusSeconds(seconds)).authenticate(request, "examplebucket", "");

    assertThat(principal.signature()).isEqualTo(Principal.SignatureVersion.V4);
  }

  @ParameterizedTest(name = "server {0} s after the request")
  @CsvSource({"-901, 2022-12-28T10:12:40.000Z", "901, 2022-12-28T10:42:42.000Z"})
  void refusesV1BeyondFifteenMinutesEitherWay(long seconds, String serverTime) {
    OssException error = rejectD1(D1_AUTH, V1_TIME.plusSeconds(seconds));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.REQUEST_TIME_TOO_SKEWED);
    assertThat(error.ec()).isEqualTo("0002-00000504");
    assertThat(error.extras())
        .containsExactly(entry("RequestTime", V1_DATE), entry("ServerTime", serverTime));
  }

  @ParameterizedTest(name = "server {0} s after the request")
  @CsvSource({"-901, 2023-12-16T16:05:56.000Z", "3600, 2023-12-16T17:20:57.000Z"})
  void refusesV4BeyondFifteenMinutesEitherWay(long seconds, String serverTime) {
    OssRequest request = d3Request(D3_AUTH);
    Authenticator authenticator = authenticator(V4_TIME.plusSeconds(seconds));

    OssException error = rejection(() -> authenticator.authenticate(request, "examplebucket", ""));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.REQUEST_TIME_TOO_SKEWED);
    assertThat(error.extras())
        .containsExactly(entry("RequestTime", V4_DATE), entry("ServerTime", serverTime));
  }

  @Test
  void refusesAnUnknownAccessKeyInV1() {
    OssException error = rejectD1("OSS nobody:BwDb6TVQ4UBwx9S3CtVmDiVbDn8=", V1_TIME);

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ACCESS_KEY_ID);
    assertThat(error.status()).isEqualTo(403);
    assertThat(error.ec()).isEqualTo("0002-00000902");
    assertThat(error.extras()).containsExactly(entry("OSSAccessKeyId", "nobody"));
  }

  @Test
  void refusesAnUnknownAccessKeyInV4() {
    OssRequest request = d3Request(D3_AUTH.replace("Credential=ak/", "Credential=nobody/"));

    OssException error =
        rejection(() -> authenticator(V4_TIME).authenticate(request, "examplebucket", ""));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ACCESS_KEY_ID);
    assertThat(error.extras()).containsExactly(entry("OSSAccessKeyId", "nobody"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"V1", "V4"})
  void neverShowsTheSecretInAMismatch(String version) {
    String secret = "S3cr3t-Never-Shown";
    boolean v1 = version.equals("V1");
    OssRequest request = v1 ? d1Request(D1_AUTH) : d3Request(D3_AUTH);
    Authenticator authenticator = authenticator(v1 ? V1_TIME : V4_TIME, "ak", secret);

    OssException error = rejection(() -> authenticator.authenticate(request, "examplebucket", ""));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.SIGNATURE_DOES_NOT_MATCH);
    assertThat(error.extras()).containsKeys("StringToSign", "StringToSignBytes");
    assertThat(error.getMessage()).doesNotContain(secret);
    assertThat(error.toString()).doesNotContain(secret);
    assertThat(error.extras().values()).noneMatch(value -> value.contains(secret));
    assertThat(error.extras().values()).noneMatch(value -> value.contains(hexBytes(secret)));
  }

  @Test
  void writesStringToSignBytesAsUpperCaseHexEachFollowedByASpace() {
    assertThat(Authenticator.hexBytes("GET\n\u00e9/")).isEqualTo("47 45 54 0A C3 A9 2F ");
    assertThat(Authenticator.hexBytes("")).isEmpty();
  }

  private static Principal acceptD1(Instant now) {
    return authenticator(now).authenticate(d1Request(D1_AUTH), "examplebucket", "");
  }

  private static OssException rejectD1(String authorization, Instant now) {
    OssRequest request = d1Request(authorization);
    return rejection(() -> authenticator(now).authenticate(request, "examplebucket", ""));
  }

  private static OssRequest d1Request(String authorization) {
    return request(
        "GET", "/examplebucket/?encryption", "Date: " + V1_DATE, "Authorization: " + authorization);
  }

  private static OssRequest d3Request(String authorization) {
    return request(
        "GET",
        "/examplebucket/?encryption",
        "x-oss-date: " + V4_DATE,
        "x-oss-content-sha256: UNSIGNED-PAYLOAD",
        "Authorization: " + authorization);
  }
}
