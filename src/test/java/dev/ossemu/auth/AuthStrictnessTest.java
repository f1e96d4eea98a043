package dev.ossemu.auth;

import static dev.ossemu.auth.AuthFixtures.V4_CREDENTIAL;
import static dev.ossemu.auth.AuthFixtures.V4_DATE;
import static dev.ossemu.auth.AuthFixtures.V4_KEY;
import static dev.ossemu.auth.AuthFixtures.V4_TIME;
import static dev.ossemu.auth.AuthFixtures.authenticator;
import static dev.ossemu.auth.AuthFixtures.rejection;
import static dev.ossemu.auth.AuthFixtures.request;
import static dev.ossemu.auth.AuthFixtures.stsAuthenticator;
import static dev.ossemu.auth.AuthFixtures.v4VectorRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.OssRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12 §5: no "first or last wins" and no day-scoped key that works forever. Each refused
 * request here is otherwise correctly signed, so only the rule under test can refuse it.
 */
class AuthStrictnessTest {
  private static final String V4_1_AUTH =
      "OSS4-HMAC-SHA256 Credential="
          + V4_CREDENTIAL
          + ",Signature=e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe";

  /** A V4 header signature over {@code request} for the scope day {@code day}, made here. */
  private static String v4Authorization(OssRequest request, String day, String timestamp) {
    String canonical =
        SignatureV4.canonicalRequest(
            request.method(),
            "bucket",
            V4_KEY,
            request.query().all(),
            request.headers(),
            List.of(),
            SignatureV4.UNSIGNED_PAYLOAD);
    String scope = SignatureV4.scope(day, "cn-hangzhou", "oss");
    String signature =
        SignatureV4.sign(
            SignatureV4.signingKey("sk", day, "cn-hangzhou", "oss"),
            SignatureV4.stringToSign(timestamp, scope, canonical));
    return "OSS4-HMAC-SHA256 Credential=ak/" + scope + ",Signature=" + signature;
  }

  private static Principal authenticate(OssRequest request) {
    return authenticator(V4_TIME.plusSeconds(30)).authenticate(request, "bucket", V4_KEY);
  }

  @Test
  void refusesAHeaderScopeOfAnotherDayThanXOssDate() {
    OssRequest stale = v4VectorRequest("x-oss-date: " + V4_DATE);
    stale.headers().add("Authorization", v4Authorization(stale, "20200101", V4_DATE));

    OssException error = rejection(() -> authenticate(stale));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.ACCESS_DENIED);
    assertThat(error.status()).isEqualTo(403);
    assertThat(error.ec()).isEqualTo("0002-00000212");
    assertThat(error.getMessage()).contains("20200101").contains("20231216");

    OssRequest today = v4VectorRequest("x-oss-date: " + V4_DATE);
    today.headers().add("Authorization", v4Authorization(today, "20231216", V4_DATE));
    assertThat(authenticate(today).accessKeyId()).isEqualTo("ak");
  }

  @Test
  void refusesAScopeOfAnotherDayThanTheDateHeaderWithoutXOssDate() {
    // spec §10.3: the Go SDK v1 line signs with Date only; its day is the scope's day.
    String date = "Sat, 16 Dec 2023 16:20:57 GMT";
    OssRequest stale = v4VectorRequest("Date: " + date);
    stale.headers().add("Authorization", v4Authorization(stale, "20231215", date));

    assertThat(rejection(() -> authenticate(stale)).ec()).isEqualTo("0002-00000212");

    OssRequest today = v4VectorRequest("Date: " + date);
    today.headers().add("Authorization", v4Authorization(today, "20231216", date));
    assertThat(authenticate(today).accessKeyId()).isEqualTo("ak");
  }

  /** A presigned GET whose credential names {@code day}, signed correctly for that day. */
  private static OssRequest presigned(String day) {
    String credential =
        URLEncoder.encode(
            "ak/" + day + "/cn-hangzhou/oss/aliyun_v4_request", StandardCharsets.UTF_8);
    String query =
        "x-oss-credential="
            + credential
            + "&x-oss-date="
            + V4_DATE
            + "&x-oss-expires=600&x-oss-signature-version=OSS4-HMAC-SHA256";
    OssRequest unsigned = request("GET", "/bucket/" + V4_KEY + "?" + query);
    String canonical =
        SignatureV4.canonicalRequest(
            "GET",
            "bucket",
            V4_KEY,
            unsigned.query().all(),
            unsigned.headers(),
            List.of(),
            SignatureV4.UNSIGNED_PAYLOAD);
    String signature =
        SignatureV4.sign(
            SignatureV4.signingKey("sk", day, "cn-hangzhou", "oss"),
            SignatureV4.stringToSign(
                V4_DATE, SignatureV4.scope(day, "cn-hangzhou", "oss"), canonical));
    return request("GET", "/bucket/" + V4_KEY + "?" + query + "&x-oss-signature=" + signature);
  }

  @Test
  void refusesAPresignedScopeOfAnotherDayThanXOssDate() {
    OssException error = rejection(() -> authenticate(presigned("20200101")));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.ACCESS_DENIED);
    assertThat(error.ec()).isEqualTo("0002-00000223");
    assertThat(authenticate(presigned("20231216")).accessKeyId()).isEqualTo("ak");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Authorization", "x-oss-date", "x-oss-content-sha256", "AUTHORIZATION"})
  void refusesARepeatedSigningHeaderEvenWithTheSameValue(String name) {
    OssRequest request = v4VectorRequest("x-oss-date: " + V4_DATE, "Authorization: " + V4_1_AUTH);
    assertThat(authenticate(request).accessKeyId()).isEqualTo("ak"); // valid once

    String value = request.headers().get(name);
    request.headers().add(name, value);
    OssException error = rejection(() -> authenticate(request));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ARGUMENT);
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.extras()).containsEntry("ArgumentName", canonical(name));
  }

  private static String canonical(String name) {
    return name.equalsIgnoreCase("authorization") ? "Authorization" : name;
  }

  @Test
  void refusesTwoDateHeadersAndTwoSecurityTokens() {
    OssRequest dates =
        request("GET", "/bucket/key", "Date: Sat, 16 Dec 2023 16:20:57 GMT", "Date: x");
    assertThat(rejection(() -> authenticate(dates)).extras()).containsEntry("ArgumentName", "Date");

    OssRequest tokens =
        request("GET", "/bucket/key", "x-oss-security-token: token", "x-oss-security-token: t2");
    OssException error =
        rejection(() -> stsAuthenticator(V4_TIME).authenticate(tokens, "bucket", "key"));
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ARGUMENT);
    assertThat(error.extras()).containsEntry("ArgumentName", "x-oss-security-token");
    // The value is a credential: it is not echoed.
    assertThat(error.extras()).doesNotContainValue("token");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ",Signature=0000000000000000000000000000000000000000000000000000000000000000",
        ",Credential=" + V4_CREDENTIAL,
        ",AdditionalHeaders=host,AdditionalHeaders=host"
      })
  void refusesAFieldRepeatedInsideTheV4Header(String repeat) {
    // The correct signature comes last: "the last one wins" would accept it.
    String signature = V4_1_AUTH.substring(V4_1_AUTH.indexOf("Signature="));
    String header = "OSS4-HMAC-SHA256 Credential=" + V4_CREDENTIAL + repeat + "," + signature;
    OssRequest request = v4VectorRequest("x-oss-date: " + V4_DATE, "Authorization: " + header);

    OssException error = rejection(() -> authenticate(request));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ARGUMENT);
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.getMessage()).isEqualTo("Authorization header is invalid.");
    assertThat(error.ec()).isEqualTo("0002-00000202");
  }

  @Test
  void refusesARepeatedPresignParameter() {
    List<String> refused = new ArrayList<>();
    for (String name : new String[] {"x-oss-signature", "x-oss-date", "x-oss-credential"}) {
      OssRequest good = presigned("20231216");
      String uri = good.uri() + "&" + name + "=" + good.query().get(name);
      OssException error = rejection(() -> authenticate(request("GET", uri.replace("+", "%2B"))));
      if (error.errorCode() == OssErrorCode.INVALID_ARGUMENT) {
        refused.add(error.extras().get("ArgumentName"));
      }
    }
    assertThat(refused).containsExactly("x-oss-signature", "x-oss-date", "x-oss-credential");
    OssException v1 =
        rejection(
            () ->
                authenticate(
                    request(
                        "GET", "/bucket/key?OSSAccessKeyId=ak&Expires=1&Signature=a&Signature=b")));
    assertThat(v1.extras()).contains(entry("ArgumentName", "Signature"));
  }
}
