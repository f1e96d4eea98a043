package dev.ossemu.auth;

import static dev.ossemu.auth.AuthFixtures.OWNER;
import static dev.ossemu.auth.AuthFixtures.READER;
import static dev.ossemu.auth.AuthFixtures.V4_CREDENTIAL;
import static dev.ossemu.auth.AuthFixtures.V4_DATE;
import static dev.ossemu.auth.AuthFixtures.V4_KEY;
import static dev.ossemu.auth.AuthFixtures.V4_TIME;
import static dev.ossemu.auth.AuthFixtures.authenticator;
import static dev.ossemu.auth.AuthFixtures.hexBytes;
import static dev.ossemu.auth.AuthFixtures.rejection;
import static dev.ossemu.auth.AuthFixtures.request;
import static dev.ossemu.auth.AuthFixtures.stsAuthenticator;
import static dev.ossemu.auth.AuthFixtures.v4VectorRequest;
import static dev.ossemu.auth.AuthFixtures.withHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.OssRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code Authorization: OSS4-HMAC-SHA256 ...} end to end (spec §10.3, vectors §10.5). */
class AuthenticatorV4Test {
  private static final String PREFIX = "OSS4-HMAC-SHA256 Credential=" + V4_CREDENTIAL;
  private static final String V4_1_AUTH =
      PREFIX + ",Signature=e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe";
  private static final String V4_3_SIG =
      "4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f";
  private static final String GO_CREDENTIAL =
      "OSS4-HMAC-SHA256 Credential=test-access-key/20261124/cn-hangzhou/oss/aliyun_v4_request";

  @Test
  void acceptsV41() {
    OssRequest request = v4VectorRequest("x-oss-date: " + V4_DATE, "Authorization: " + V4_1_AUTH);

    assertThat(authenticator(V4_TIME.plusSeconds(30)).authenticate(request, "bucket", V4_KEY))
        .isEqualTo(new Principal(Account.of("ak", "sk"), "ak", Principal.SignatureVersion.V4));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Java and Go layout|,AdditionalHeaders=abc;zabc,Signature=" + V4_3_SIG,
        "Python layout|, Signature=" + V4_3_SIG + ", AdditionalHeaders=abc;zabc",
      })
  void acceptsV43WithAdditionalHeaders(String layout, String fields) {
    OssRequest request =
        v4VectorRequest("x-oss-date: 20231216T172512Z", "Authorization: " + PREFIX + fields);
    Authenticator authenticator = authenticator(Instant.parse("2023-12-16T17:25:12Z"));

    assertThat(authenticator.authenticate(request, "bucket", V4_KEY).accessKeyId()).isEqualTo("ak");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "GET, /examplebucket/?encryption, examplebucket, false,"
        + " 4520fc8b0088c6d2298898b34b61e8c6c68915a501de0e42da5e12433da39c57",
    "PUT, /examplebucket/?encryption=, examplebucket, true,"
        + " 1e28fcd01f72a504b5d0920ba4cb46edf4768dbef537e0a314c9f60410a210b5",
    "GET, /, , false, 2a7fe0c537ae2b2319d6a44def3d754c1f9ca397946234d46ba2ecdb8f8f0a96",
  })
  void acceptsTheDerivedVectors(
      String method, String uri, String bucket, boolean xml, String signature) {
    OssRequest request =
        request(
            method,
            uri,
            "x-oss-date: " + V4_DATE,
            "x-oss-content-sha256: UNSIGNED-PAYLOAD",
            "Authorization: " + PREFIX + ",Signature=" + signature);
    if (xml) {
      request.headers().add("Content-Type", "application/xml");
      request.headers().add("Content-MD5", "ia0vZl3g/LR1RXGTzVmDcA==");
    }

    assertThat(authenticator(V4_TIME).authenticate(request, bucket, "").signature())
        .isEqualTo(Principal.SignatureVersion.V4);
  }

  @Test
  void acceptsStsVectorsSigningTheSecurityToken() {
    String v42 =
        "OSS4-HMAC-SHA256 Credential=ak/20231217/cn-hangzhou/oss/aliyun_v4_request,"
            + "Signature=b94a3f999cf85bcdc00d332fbd3734ba03e48382c36fa4d5af5df817395bd9ea";
    OssRequest v42Request =
        v4VectorRequest(
            "x-oss-date: 20231217T034736Z", "x-oss-security-token: token", "Authorization: " + v42);
    OssRequest d4 =
        request(
            "DELETE",
            "/examplebucket/?encryption",
            "x-oss-date: " + V4_DATE,
            "x-oss-content-sha256: UNSIGNED-PAYLOAD",
            "x-oss-security-token: token",
            "Authorization: "
                + PREFIX
                + ",Signature=b4d5d7bc3296e4413892c6456427256290dfb2538ad99a7ab06e7c0fe0e70720");
    Principal reader = new Principal(OWNER, READER, "ak", Principal.SignatureVersion.V4);

    assertThat(
            stsAuthenticator(Instant.ofEpochSecond(1702784856))
                .authenticate(v42Request, "bucket", V4_KEY))
        .isEqualTo(reader);
    assertThat(stsAuthenticator(V4_TIME).authenticate(d4, "examplebucket", "")).isEqualTo(reader);
  }

  @Test
  void acceptsTheGoSdkV1LineSigningTheDateHeaderVerbatim() {
    OssRequest mine =
        request(
            "GET",
            "/examplebucket/?encryption",
            "Date: Sat, 16 Dec 2023 16:20:57 GMT",
            "X-Oss-Content-Sha256: UNSIGNED-PAYLOAD",
            "Authorization: "
                + PREFIX
                + ",Signature=b9683b20b2bc4f43593e4d844bd1240ca12c6eea2fd7c6a642b34040585a9cdf");
    OssRequest get =
        request(
            "GET",
            "/examplebucket/?encryption",
            "Host: 127.0.0.1:46287",
            "Authorization: "
                + GO_CREDENTIAL
                + ",Signature=3d7535bd03da0099c412a911a4723fe72b2c37020f2afb6b133dbcec0be6583c",
            "Date: Tue, 24 Nov 2026 07:49:44 GMT",
            "X-Oss-Content-Sha256: UNSIGNED-PAYLOAD");
    OssRequest put =
        request(
            "PUT",
            "/examplebucket/?encryption",
            "Authorization: "
                + GO_CREDENTIAL
                + ",Signature=80806d5708435bfcf272447764fe5e99a1dd04de53d3a7e613d5f061f12f007a",
            "Content-Type: text/plain; charset=utf-8",
            "Date: Tue, 24 Nov 2026 07:49:44 GMT",
            "X-Oss-Content-Sha256: UNSIGNED-PAYLOAD");
    Authenticator go =
        authenticator(Instant.parse("2026-11-24T07:51:30Z"), "test-access-key", "test-secret-key");

    assertThat(authenticator(V4_TIME).authenticate(mine, "examplebucket", "").accessKeyId())
        .isEqualTo("ak");
    assertThat(go.authenticate(get, "examplebucket", "").accessKeyId())
        .isEqualTo("test-access-key");
    assertThat(go.authenticate(put, "examplebucket", "").accessKeyId())
        .isEqualTo("test-access-key");
  }

  @Test
  void prefersXOssDateOverDateAndIgnoresUnsignedHeaders() {
    OssRequest request =
        v4VectorRequest(
            "x-oss-date: " + V4_DATE,
            "Date: Sat, 16 Dec 2023 16:25:00 GMT",
            "User-Agent: curl/8",
            "Authorization: " + V4_1_AUTH);

    assertThat(authenticator(V4_TIME).authenticate(request, "bucket", V4_KEY).accessKeyId())
        .isEqualTo("ak");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"x-oss-meta-a: 1", "Content-MD5: ia0vZl3g/LR1RXGTzVmDcA==", "x-oss-head1: again"})
  void rejectsV41WithAnotherDefaultSignedHeader(String line) {
    OssRequest request =
        v4VectorRequest("x-oss-date: " + V4_DATE, line, "Authorization: " + V4_1_AUTH);

    OssException error =
        rejection(() -> authenticator(V4_TIME).authenticate(request, "bucket", V4_KEY));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.SIGNATURE_DOES_NOT_MATCH);
  }

  @Test
  void rejectsSignatureFromAnotherSecretWithTheCanonicalRequest() {
    String provided = "E21D18DAA82167720F9B1047AE7E7F1CE7CB77A31E8203A7D5F4624FA0284AFE";
    OssRequest request = d3("Authorization: " + PREFIX + ",Signature=" + provided);
    String stringToSign =
        "OSS4-HMAC-SHA256\n20231216T162057Z\n20231216/cn-hangzhou/oss/aliyun_v4_request\n"
            + "2b8f04d29de5431325cda980f10362547b19ead70652a620f3cdb3f2399b861f";

    OssException error =
        rejection(() -> authenticator(V4_TIME).authenticate(request, "examplebucket", ""));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.SIGNATURE_DOES_NOT_MATCH);
    assertThat(error.status()).isEqualTo(403);
    assertThat(error.ec()).isEqualTo("0002-00000040");
    assertThat(error.extras())
        .containsExactly(
            entry("OSSAccessKeyId", "ak"),
            entry("SignatureProvided", provided),
            entry("StringToSign", stringToSign),
            entry("StringToSignBytes", hexBytes(stringToSign)),
            entry(
                "CanonicalRequest",
                "GET\n/examplebucket/\nencryption\nx-oss-content-sha256:UNSIGNED-PAYLOAD\n"
                    + "x-oss-date:20231216T162057Z\n\n\nUNSIGNED-PAYLOAD"));
  }

  @ParameterizedTest(name = "{2}: {0} with {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ak/20231216/cn-shanghai/oss/aliyun_v4_request,|UNSIGNED-PAYLOAD|0002-00000226"
            + "|Invalid signing region in Authorization header. The expected region is cn-hangzhou.",
        "ak/20231216/oss-cn-hangzhou/oss/aliyun_v4_request,|UNSIGNED-PAYLOAD|0002-00000226"
            + "|Invalid signing region in Authorization header. The expected region is cn-hangzhou.",
        "ak/20231216/cn-hangzhou/s3/aliyun_v4_request,|UNSIGNED-PAYLOAD|0002-00000227"
            + "|Invalid signing product in Authorization header.",
        V4_CREDENTIAL
            + ",AdditionalHeaders=,|UNSIGNED-PAYLOAD|0002-00000209"
            + "|AdditionalHeaders in Authorization header is empty.",
        V4_CREDENTIAL
            + ",AdditionalHeaders=host;,|UNSIGNED-PAYLOAD|0002-00000210"
            + "|AdditionalHeaders in Authorization header has an empty item.",
        V4_CREDENTIAL
            + ",|e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
            + "|0002-00000214|x-oss-content-sha256 must be UNSIGNED-PAYLOAD.",
        V4_CREDENTIAL
            + ",|unsigned-payload|0002-00000214"
            + "|x-oss-content-sha256 must be UNSIGNED-PAYLOAD.",
      })
  void rejectsAnInvalidArgumentWithItsEc(
      String credentialAndFields, String payload, String ec, String message) {
    OssRequest request =
        request(
            "GET",
            "/examplebucket/?encryption",
            "x-oss-date: " + V4_DATE,
            "x-oss-content-sha256: " + payload,
            "Authorization: OSS4-HMAC-SHA256 Credential=" + credentialAndFields + "Signature=abc");

    OssException error =
        rejection(() -> authenticator(V4_TIME).authenticate(request, "examplebucket", ""));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ARGUMENT);
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.ec()).isEqualTo(ec);
    assertThat(error.getMessage()).isEqualTo(message);
  }

  /** D3 of spec §10.5 plus the given header lines. */
  private static OssRequest d3(String... more) {
    OssRequest request =
        request(
            "GET",
            "/examplebucket/?encryption",
            "x-oss-date: " + V4_DATE,
            "x-oss-content-sha256: UNSIGNED-PAYLOAD");
    return withHeaders(request, more);
  }
}
