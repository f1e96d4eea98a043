package dev.ossemu.auth;

import static dev.ossemu.auth.AuthFixtures.V4_DATE;
import static dev.ossemu.auth.AuthFixtures.V4_KEY;
import static dev.ossemu.auth.AuthFixtures.headers;
import static dev.ossemu.auth.AuthFixtures.v4PresignedRequest;
import static dev.ossemu.auth.AuthFixtures.v4VectorRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.request.Headers;
import dev.ossemu.request.OssRequest;
import dev.ossemu.request.QueryParameters;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Canonical request, StringToSign, signing key and signature of V4 against spec §10.5. */
class SignatureV4Test {
  private static final String UNSIGNED = "UNSIGNED-PAYLOAD";
  private static final String V4_1_CANONICAL =
      """
      PUT
      /bucket/1234%2B-/123/1.txt
      %2Bparam1=value3&%2Bparam2&%7Cparam1=value4&%7Cparam2&param1=value1&param2
      content-type:text/plain
      x-oss-content-sha256:UNSIGNED-PAYLOAD
      x-oss-date:20231216T162057Z
      x-oss-head1:value


      UNSIGNED-PAYLOAD""";
  private static final String V4_1_STRING_TO_SIGN =
      """
      OSS4-HMAC-SHA256
      20231216T162057Z
      20231216/cn-hangzhou/oss/aliyun_v4_request
      f4613657f1b108998e8dbd10a1aa5da621dc2c6e02c9ddec0f163664848704c4""";

  @Test
  void buildsTheCanonicalRequestAndStringToSignOfV41() {
    OssRequest request = v4VectorRequest("x-oss-date: " + V4_DATE);
    String scope = SignatureV4.scope("20231216", "cn-hangzhou", "oss");

    String canonical = canonical(request, "bucket", V4_KEY, List.of());

    assertThat(canonical).isEqualTo(V4_1_CANONICAL);
    assertThat(scope).isEqualTo("20231216/cn-hangzhou/oss/aliyun_v4_request");
    assertThat(SignatureV4.stringToSign(V4_DATE, scope, canonical)).isEqualTo(V4_1_STRING_TO_SIGN);
  }

  @Test
  void derivesTheSigningKeyAndSignsV41LikeTheSdks() {
    byte[] key = SignatureV4.signingKey("sk", "20231216", "cn-hangzhou", "oss");

    assertThat(HexFormat.of().formatHex(key))
        .isEqualTo("b412a03b134ebddd720f5167b5de6db66620ebb3b01cff4d49e3ccb09f8de97f");
    assertThat(SignatureV4.sign(key, V4_1_STRING_TO_SIGN))
        .isEqualTo("e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "V4-1|20231216T162057Z|''|''"
            + "|e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe",
        "V4-2|20231217T034736Z|x-oss-security-token: token|''"
            + "|b94a3f999cf85bcdc00d332fbd3734ba03e48382c36fa4d5af5df817395bd9ea",
        "V4-3|20231216T172512Z|''|zabc;abc"
            + "|4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f",
      })
  void signsTheHeaderVectorsLikeTheSdks(
      String id, String time, String extra, String additional, String signature) {
    OssRequest request = v4VectorRequest("x-oss-date: " + time);
    if (!extra.isEmpty()) {
      AuthFixtures.withHeaders(request, extra);
    }
    List<String> listed = additional.isEmpty() ? List.of() : List.of(additional.split(";"));

    assertThat(signature(time, canonical(request, "bucket", V4_KEY, listed))).isEqualTo(signature);
  }

  @Test
  void signsAdditionalHeadersInTheCanonicalRequestOfV43() {
    OssRequest request = v4VectorRequest("x-oss-date: 20231216T172512Z");

    assertThat(canonical(request, "bucket", V4_KEY, List.of("zabc", "abc")))
        .endsWith(
            "\nabc:value\ncontent-type:text/plain\nx-oss-content-sha256:UNSIGNED-PAYLOAD\n"
                + "x-oss-date:20231216T172512Z\nx-oss-head1:value\nzabc:value\n\nabc;zabc\n"
                + "UNSIGNED-PAYLOAD");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "D3|GET /examplebucket/?encryption|''"
            + "|2b8f04d29de5431325cda980f10362547b19ead70652a620f3cdb3f2399b861f"
            + "|4520fc8b0088c6d2298898b34b61e8c6c68915a501de0e42da5e12433da39c57",
        "D4|DELETE /examplebucket/?encryption|x-oss-security-token: token"
            + "|12ceb410ce30fd9351217f17d49da64ae24caa41edfc7d7fc392001c98472e57"
            + "|b4d5d7bc3296e4413892c6456427256290dfb2538ad99a7ab06e7c0fe0e70720",
        "D5|PUT /examplebucket/?encryption|content-md5: ia0vZl3g/LR1RXGTzVmDcA=="
            + "|28297b52254bea0e3a49e9e87f9749b7eef2b562565d965facebb17ecba705ae"
            + "|1e28fcd01f72a504b5d0920ba4cb46edf4768dbef537e0a314c9f60410a210b5",
        "D6|GET /|''"
            + "|2f38767d71a05a0897aba7333a9e3f6f721fd19a02a2fc662d8226d004062436"
            + "|2a7fe0c537ae2b2319d6a44def3d754c1f9ca397946234d46ba2ecdb8f8f0a96",
      })
  void signsTheDerivedEncryptionVectors(
      String id, String requestLine, String extra, String hash, String signature) {
    String[] parts = requestLine.split(" ");
    OssRequest request =
        AuthFixtures.request(
            parts[0], parts[1], "x-oss-date: " + V4_DATE, "x-oss-content-sha256: " + UNSIGNED);
    if (!extra.isEmpty()) {
      AuthFixtures.withHeaders(request, extra);
    }
    if (id.equals("D5")) {
      request.headers().add("content-type", "application/xml");
    }
    String bucket = parts[1].equals("/") ? null : "examplebucket";

    String canonical = canonical(request, bucket, "", List.of());

    assertThat(SignatureV4.stringToSign(V4_DATE, "s", canonical)).endsWith("\n" + hash);
    assertThat(signature(V4_DATE, canonical)).isEqualTo(signature);
  }

  @Test
  void buildsTheCanonicalRequestOfD3WhateverTheHeaderCaseAndEquals() {
    OssRequest request =
        AuthFixtures.request(
            "GET",
            "/examplebucket/?encryption=",
            "X-Oss-Date: " + V4_DATE,
            "X-Oss-Content-Sha256: " + UNSIGNED);

    assertThat(canonical(request, "examplebucket", "", List.of()))
        .isEqualTo(
            "GET\n/examplebucket/\nencryption\nx-oss-content-sha256:UNSIGNED-PAYLOAD\n"
                + "x-oss-date:20231216T162057Z\n\n\nUNSIGNED-PAYLOAD");
  }

  @Test
  void buildsTheCanonicalQueryOfTheV4P1PresignedUrl() {
    OssRequest request = v4PresignedRequest("20231217T025437Z", "", null);

    assertThat(SignatureV4.canonicalQuery(request.query().all()))
        .isEqualTo(
            "%2Bparam1=value3&%2Bparam2&%7Cparam1=value4&%7Cparam2&param1=value1&param2"
                + "&x-oss-credential=ak%2F20231217%2Fcn-hangzhou%2Foss%2Faliyun_v4_request"
                + "&x-oss-date=20231217T025437Z&x-oss-expires=599"
                + "&x-oss-signature-version=OSS4-HMAC-SHA256");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "V4-P1|20231217T025437Z|''"
            + "|a39966c61718be0d5b14e668088b3fa07601033f6518ac7b523100014269c0fe",
        "V4-P2|20231217T035628Z|&x-oss-security-token=token"
            + "|3817ac9d206cd6dfc90f1c09c00be45005602e55898f26f5ddb06d7892e1f8b5",
        "V4-P3|20231217T033009Z|&x-oss-additional-headers=abc%3Bzabc"
            + "|6bd984bfe531afb6db1f7550983a741b103a8c58e5e14f83ea474c2322dfa2b7",
      })
  void signsThePresignedVectorsLikeTheSdks(String id, String time, String extra, String sig) {
    OssRequest request = v4PresignedRequest(time, extra, null);
    List<String> additional = extra.contains("additional") ? List.of("abc", "zabc") : List.of();

    String canonical = canonical(request, "bucket", V4_KEY, additional);

    if (id.equals("V4-P1")) {
      assertThat(SignatureV4.stringToSign(time, "s", canonical))
          .endsWith("\n48814c11f278d51662015bf2f896b66ca10b6de0187ed8d952e341bbce0aa336");
    }
    assertThat(signature(time, canonical)).isEqualTo(sig);
  }

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "examplebucket|''|/examplebucket/",
        "bucket|1234+-/123/1.txt|/bucket/1234%2B-/123/1.txt",
        "b|a b/\u00e9~*.txt|/b/a%20b/%C3%A9~%2A.txt",
        "b|dir//x?y#z|/b/dir//x%3Fy%23z",
      })
  void percentEncodesTheCanonicalUriKeepingSlashes(String bucket, String key, String uri) {
    assertThat(SignatureV4.canonicalUri(bucket, key)).isEqualTo(uri);
    assertThat(SignatureV4.canonicalUri(null, "")).isEqualTo("/");
  }

  @Test
  void sortsTheCanonicalQueryByEncodedNameThenValue() {
    String raw = "b=2&a=z&a=y&A=1&c&~d=%2F+x";

    assertThat(SignatureV4.canonicalQuery(QueryParameters.parse(raw).all()))
        .isEqualTo("A=1&a=y&a=z&b=2&c&~d=%2F%20x");
    assertThat(SignatureV4.canonicalQuery(List.of())).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "content-type, true",
    "content-md5, true",
    "x-oss-meta-a, true",
    "host, false",
    "date, false",
    "authorization, false",
  })
  void signsContentTypeMd5AndOssHeadersByDefault(String name, boolean signed) {
    assertThat(SignatureV4.isSignedByDefault(name)).isEqualTo(signed);
  }

  @Test
  void listsAnAdditionalHeaderTheRequestLacksOnlyInTheAdditionalLine() {
    Headers headers = headers("x-oss-date: " + V4_DATE, "Host: h");

    assertThat(
            SignatureV4.canonicalRequest(
                "GET", "b", "", List.of(), headers, List.of("zz", "host"), UNSIGNED))
        .isEqualTo("GET\n/b/\n\nhost:h\nx-oss-date:" + V4_DATE + "\n\nhost;zz\nUNSIGNED-PAYLOAD");
  }

  private static String canonical(
      OssRequest request, String bucket, String key, List<String> additional) {
    return SignatureV4.canonicalRequest(
        request.method(),
        bucket,
        key,
        request.query().all(),
        request.headers(),
        additional,
        UNSIGNED);
  }

  private static String signature(String time, String canonical) {
    String day = time.substring(0, 8);
    String stringToSign =
        SignatureV4.stringToSign(time, SignatureV4.scope(day, "cn-hangzhou", "oss"), canonical);
    return SignatureV4.sign(SignatureV4.signingKey("sk", day, "cn-hangzhou", "oss"), stringToSign);
  }
}
