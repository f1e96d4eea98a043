package dev.ossemu.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What is taken out of text that is written down, and what is left for debugging. */
class RedactionTest {
  @Test
  void redactsSignatureAndTokenParametersOfAPresignedUri() {
    assertThat(
            Redaction.uri(
                "/b/k?OSSAccessKeyId=ak&Expires=1700000000&Signature=abc%2B%3D&security-token=t%2F1"))
        .isEqualTo(
            "/b/k?OSSAccessKeyId=ak&Expires=1700000000&Signature=REDACTED"
                + "&security-token=REDACTED");
    assertThat(
            Redaction.uri(
                "/b/k?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-credential=ak%2F20231216"
                    + "&x-oss-security-token=tok&x-oss-signature=0123abcd&acl"))
        .isEqualTo(
            "/b/k?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-credential=ak%2F20231216"
                + "&x-oss-security-token=REDACTED&x-oss-signature=REDACTED&acl");
  }

  @Test
  void redactsEncodedAndRepeatedNamesAsTheVerifierReadsThem() {
    assertThat(Redaction.uri("/b/?x%2Doss%2Dsignature=s&Signature=1&Signature=2&signature"))
        .isEqualTo(
            "/b/?x%2Doss%2Dsignature=REDACTED&Signature=REDACTED&Signature=REDACTED"
                + "&signature");
    assertThat(Redaction.uri("/b/k")).isEqualTo("/b/k");
    assertThat(Redaction.uri("/b/k?acl&encryption=")).isEqualTo("/b/k?acl&encryption=");
  }

  @Test
  void redactsTheSignatureOfEachAuthorizationScheme() {
    assertThat(Redaction.authorization("OSS ak:AbC+/==")).isEqualTo("OSS ak:REDACTED");
    assertThat(
            Redaction.authorization(
                "OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,"
                    + "AdditionalHeaders=host,Signature=4b6f1a"))
        .isEqualTo(
            "OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,"
                + "AdditionalHeaders=host,Signature=REDACTED");
    assertThat(Redaction.authorization("Bearer s3cret")).isEqualTo("Bearer REDACTED");
    assertThat(Redaction.authorization(null)).isNull();
  }

  @Test
  void keepsStringToSignButNotTheTokensInIt() {
    String v1 = "GET\n\n\n1700000000\nx-oss-security-token:tok+/=\n/b/k?acl&security-token=tok+/=";
    assertThat(Redaction.signed(v1))
        .isEqualTo(
            "GET\n\n\n1700000000\nx-oss-security-token:REDACTED\n/b/k?acl&security-token=REDACTED");
    String canonical =
        "GET\n/b/k\nx-oss-credential=ak%2F2023&x-oss-security-token=tok%2B\n"
            + "x-oss-date:20231216T162057Z\nx-oss-security-token:tok+\n\n\nUNSIGNED-PAYLOAD";
    assertThat(Redaction.signed(canonical))
        .isEqualTo(
            "GET\n/b/k\nx-oss-credential=ak%2F2023&x-oss-security-token=REDACTED\n"
                + "x-oss-date:20231216T162057Z\nx-oss-security-token:REDACTED\n\n\nUNSIGNED-PAYLOAD");
    assertThat(Redaction.signed("OSS4-HMAC-SHA256\n20231216T162057Z\nscope\nab12"))
        .isEqualTo("OSS4-HMAC-SHA256\n20231216T162057Z\nscope\nab12");
    assertThat(Redaction.signed(null)).isNull();
  }
}
