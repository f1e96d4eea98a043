package dev.ossemu.auth;

import static dev.ossemu.auth.AuthFixtures.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing the V4 Authorization header in every SDK's layout (spec §10.3). */
class AuthorizationV4Test {
  private static final String CREDENTIAL =
      "Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request";
  private static final String SIGNATURE =
      "4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f";

  @Test
  void parsesTheJavaAndGoLayout() {
    AuthorizationV4 parsed =
        AuthorizationV4.parse(
            "OSS4-HMAC-SHA256 "
                + CREDENTIAL
                + ",AdditionalHeaders=abc;zabc,Signature="
                + SIGNATURE);

    assertThat(parsed)
        .isEqualTo(
            new AuthorizationV4(
                "ak", "20231216", "cn-hangzhou", "oss", List.of("abc", "zabc"), SIGNATURE));
  }

  @Test
  void parsesThePythonLayoutWithSpacesAndAdditionalHeadersLast() {
    AuthorizationV4 parsed =
        AuthorizationV4.parse(
            "OSS4-HMAC-SHA256 "
                + CREDENTIAL
                + ", Signature="
                + SIGNATURE
                + ", AdditionalHeaders=abc;zabc");

    assertThat(parsed.accessKeyId()).isEqualTo("ak");
    assertThat(parsed.additionalHeaders()).containsExactly("abc", "zabc");
    assertThat(parsed.signature()).isEqualTo(SIGNATURE);
  }

  @Test
  void acceptsFieldsInAnyOrderWithSpacesAroundThem() {
    AuthorizationV4 parsed =
        AuthorizationV4.parse(
            "OSS4-HMAC-SHA256  Signature = " + SIGNATURE + " ,  " + CREDENTIAL + " ");

    assertThat(parsed)
        .isEqualTo(
            new AuthorizationV4("ak", "20231216", "cn-hangzhou", "oss", List.of(), SIGNATURE));
  }

  @Test
  void lowerCasesAndTrimsAdditionalHeaderNames() {
    AuthorizationV4 parsed =
        AuthorizationV4.parse(
            "OSS4-HMAC-SHA256 " + CREDENTIAL + ",AdditionalHeaders= ZAbc ; Host,Signature=abc");

    assertThat(parsed.additionalHeaders()).containsExactly("zabc", "host");
  }

  @Test
  void keepsRegionAndProductForTheCallerToCheck() {
    AuthorizationV4 parsed =
        AuthorizationV4.parse(
            "OSS4-HMAC-SHA256 Credential=ak/20231216/cb-123/oss-cloudbox/aliyun_v4_request,"
                + "Signature=abc");

    assertThat(parsed.region()).isEqualTo("cb-123");
    assertThat(parsed.product()).isEqualTo("oss-cloudbox");
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|Authorization header is invalid.",
        "Credential|Authorization header is invalid.",
        "=ak|Authorization header is invalid.",
        CREDENTIAL + ",Signature=abc,|Authorization header is invalid.",
        CREDENTIAL + ",Foo=bar,Signature=abc|Authorization header is invalid.",
        CREDENTIAL + ",signature=abc|Authorization header is invalid.",
        "Signature=abc|AccessKeyId or Signature is missing in Authorization header value.",
        CREDENTIAL + "|AccessKeyId or Signature is missing in Authorization header value.",
        CREDENTIAL
            + ",Signature=|AccessKeyId or Signature is missing in Authorization header value.",
        CREDENTIAL
            + ";Signature=abc|AccessKeyId or Signature is missing in Authorization header value.",
        "Credential=ak/20231216/cn-hangzhou/oss,Signature=abc|Invalid credential in Authorization header.",
        "Credential=/20231216/cn-hangzhou/oss/aliyun_v4_request,Signature=abc|Invalid credential in Authorization header.",
        "Credential=ak/2023121/cn-hangzhou/oss/aliyun_v4_request,Signature=abc|Invalid credential in Authorization header.",
        "Credential=ak/20231216/cn-hangzhou/oss/aws4_request,Signature=abc|Invalid credential in Authorization header.",
        "Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request/x,Signature=abc|Invalid credential in Authorization header.",
      })
  void refusesAMalformedHeaderAsInvalidArgument(String fields, String message) {
    OssException error = rejection(() -> AuthorizationV4.parse("OSS4-HMAC-SHA256 " + fields));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ARGUMENT);
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.getMessage()).isEqualTo(message);
    assertThat(error.ec()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"AdditionalHeaders=", "AdditionalHeaders= "})
  void refusesEmptyAdditionalHeadersWithEc209(String field) {
    OssException error =
        rejection(
            () ->
                AuthorizationV4.parse(
                    "OSS4-HMAC-SHA256 " + CREDENTIAL + "," + field + ",Signature=abc"));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ARGUMENT);
    assertThat(error.ec()).isEqualTo("0002-00000209");
    assertThat(error.getMessage()).isEqualTo("AdditionalHeaders in Authorization header is empty.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"host;", ";host", "abc;;zabc", "abc; ;zabc", ";"})
  void refusesAnEmptyAdditionalHeaderItemWithEc210(String list) {
    OssException error =
        rejection(
            () ->
                AuthorizationV4.parse(
                    "OSS4-HMAC-SHA256 "
                        + CREDENTIAL
                        + ",AdditionalHeaders="
                        + list
                        + ",Signature=abc"));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ARGUMENT);
    assertThat(error.ec()).isEqualTo("0002-00000210");
    assertThat(error.getMessage())
        .isEqualTo("AdditionalHeaders in Authorization header has an empty item.");
  }
}
