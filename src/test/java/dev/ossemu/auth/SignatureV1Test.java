package dev.ossemu.auth;

import static dev.ossemu.auth.AuthFixtures.V1_DATE;
import static dev.ossemu.auth.AuthFixtures.headers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.request.Headers;
import dev.ossemu.request.OssRequest;
import dev.ossemu.request.PercentCodec;
import dev.ossemu.request.QueryParameters;
import dev.ossemu.request.SubResources;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** StringToSign, CanonicalizedResource and signature of V1 against spec §10.5. */
class SignatureV1Test {
  private static final String V1_1_STS =
      "PUT\neB5eJF1ptWaXm4bijSPyxw==\ntext/html\nWed, 28 Dec 2022 10:27:41 GMT\n"
          + "x-oss-date:Wed, 28 Dec 2022 10:27:41 GMT\nx-oss-meta-author:alice\n"
          + "x-oss-meta-magic:abracadabra\n/examplebucket/nelson";
  private static final String V1_3_STS =
      "GET\n\n\nWed, 28 Dec 2022 10:27:41 GMT\nx-oss-date:Wed, 28 Dec 2022 10:27:41 GMT\n"
          + "/examplebucket/";

  /** A vector: a path-style request line, header lines, and what the SDKs sign and send. */
  record Vector(
      String id, String requestLine, List<String> headers, String stringToSign, String signature) {
    OssRequest request() {
      int space = requestLine.indexOf(' ');
      String[] lines = headers.toArray(new String[0]);
      return AuthFixtures.request(
          requestLine.substring(0, space), requestLine.substring(space + 1), lines);
    }

    String bucket() {
      String path = request().rawPath();
      return path.substring(1, path.indexOf('/', 1));
    }

    String key() {
      String path = request().rawPath();
      return PercentCodec.decode(path.substring(path.indexOf('/', 1) + 1), false);
    }

    boolean presigned() {
      return request().query().has("Expires");
    }

    /** Expires for a presigned URL, else x-oss-date, else Date (spec §10.1, §10.2). */
    String dateSlot() {
      Headers h = request().headers();
      String header = h.contains("x-oss-date") ? h.get("x-oss-date") : h.get("date");
      return presigned() ? request().query().get("Expires") : header;
    }

    @Override
    public String toString() {
      return id;
    }
  }

  static Stream<Vector> vectors() {
    List<String> v11 =
        List.of(
            "Content-MD5: eB5eJF1ptWaXm4bijSPyxw==",
            "Content-Type: text/html",
            "x-oss-meta-author: alice",
            "x-oss-meta-magic: abracadabra",
            "x-oss-date: " + V1_DATE,
            "Date: " + V1_DATE);
    List<String> v13 = List.of("x-oss-date: " + V1_DATE, "Date: " + V1_DATE);
    List<String> p4 =
        List.of(
            "x-oss-head1: value",
            "abc: value",
            "ZAbc: value",
            "XYZ: value",
            "content-type: application/octet-stream");
    return Stream.of(
        new Vector(
            "V1-1", "PUT /examplebucket/nelson", v11, V1_1_STS, "kSHKmLxlyEAKtZPkJhG9bZb5k7M="),
        new Vector(
            "V1-2",
            "PUT /examplebucket/nelson?acl",
            v11,
            V1_1_STS + "?acl",
            "/afkugFbmWDQ967j1vr6zygBLQk="),
        new Vector(
            "V1-3",
            "GET /examplebucket/?resourceGroup&non-resousce=null",
            v13,
            V1_3_STS + "?resourceGroup",
            "vkQmfuUDyi1uDi3bKt67oemssIs="),
        new Vector(
            "V1-4",
            "GET /examplebucket/?resourceGroup&acl",
            v13,
            V1_3_STS + "?acl&resourceGroup",
            "x3E5TgOvl/i7PN618s5mEvpJDYk="),
        new Vector(
            "D1",
            "GET /examplebucket/?encryption",
            List.of("Date: " + V1_DATE),
            "GET\n\n\nWed, 28 Dec 2022 10:27:41 GMT\n/examplebucket/?encryption",
            "BwDb6TVQ4UBwx9S3CtVmDiVbDn8="),
        new Vector(
            "D2",
            "PUT /examplebucket/?encryption",
            List.of(
                "Content-Type: application/xml",
                "Content-MD5: ia0vZl3g/LR1RXGTzVmDcA==",
                "Date: " + V1_DATE),
            "PUT\nia0vZl3g/LR1RXGTzVmDcA==\napplication/xml\nWed, 28 Dec 2022 10:27:41 GMT\n"
                + "/examplebucket/?encryption",
            "1cHJShcZRGJLu1s2d1aeNkrur14="),
        new Vector(
            "V1-P1",
            "GET /bucket/key?Expires=1699807420&OSSAccessKeyId=ak"
                + "&Signature=dcLTea%2BYh9ApirQ8o8dOPqtvJXQ%3D&versionId=versionId",
            List.of(),
            "GET\n\n\n1699807420\n/bucket/key?versionId=versionId",
            "dcLTea+Yh9ApirQ8o8dOPqtvJXQ="),
        new Vector(
            "V1-P2",
            "GET /bucket/key%2B123?Expires=1699808204&OSSAccessKeyId=ak"
                + "&Signature=jzKYRrM5y6Br0dRFPaTGOsbrDhY%3D&security-token=token&versionId=versionId",
            List.of(),
            "GET\n\n\n1699808204\n/bucket/key+123?security-token=token&versionId=versionId",
            "jzKYRrM5y6Br0dRFPaTGOsbrDhY="),
        new Vector(
            "V1-P3",
            "GET /bucket/key%2B123?Expires=1699808204&versionId=versionId"
                + "&security-token=attachment%3B%20%2Ffile%2Fname%3D%3Dexample.txt%2B%2B",
            List.of(),
            "GET\n\n\n1699808204\n/bucket/key+123?security-token=attachment;"
                + " /file/name==example.txt++&versionId=versionId",
            "su58IVk06Q73DHwcMsXft/RTZ98="),
        new Vector(
            "V1-P4",
            "GET /bucket/key?Expires=1699808204&versionId=versionId&param1=value1&%2Bparam1=value3"
                + "&%7Cparam1=value4&%2Bparam2=&%7Cparam2=&param2=&response-content-disposition="
                + "attachment%3B%20filename%3Dexample.txt&security-token=token",
            p4,
            "GET\n\napplication/octet-stream\n1699808204\nx-oss-head1:value\n/bucket/key?"
                + "response-content-disposition=attachment; filename=example.txt"
                + "&security-token=token&versionId=versionId",
            "VmWfLWfxbR3MSFvUx5+nyQhCa3g="));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void buildsTheStringToSignOfTheVector(Vector v) {
    OssRequest request = v.request();
    String resource =
        SignatureV1.canonicalizedResource(
            v.bucket(), v.key(), request.query(), SubResources::isListed);

    assertThat(
            SignatureV1.stringToSign(request.method(), request.headers(), v.dateSlot(), resource))
        .isEqualTo(v.stringToSign());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void signsTheVectorLikeTheSdks(Vector v) {
    assertThat(SignatureV1.sign("sk", v.stringToSign())).isEqualTo(v.signature());
    assertThat(SignatureV1.sign("sk2", v.stringToSign())).isNotEqualTo(v.signature());
  }

  @Test
  void canonicalizesServiceBucketAndObjectLevels() {
    assertThat(SignatureV1.canonicalizedResource(null, "", query(""), SubResources::isListed))
        .isEqualTo("/");
    assertThat(resource("", "")).isEqualTo("/examplebucket/");
    assertThat(resource("dir/a b+c.txt", "")).isEqualTo("/examplebucket/dir/a b+c.txt");
    assertThat(
            SignatureV1.canonicalizedResource(
                null, "", query("regionList"), SubResources::isListed))
        .isEqualTo("/?regionList");
  }

  @Test
  void signsAnEmptyValueAndAnAbsentEqualsAlike() {
    assertThat(resource("k", "encryption=")).isEqualTo("/examplebucket/k?encryption");
    assertThat(resource("k", "encryption")).isEqualTo("/examplebucket/k?encryption");
  }

  @Test
  void sortsSubResourcesByNameWithDecodedValues() {
    assertThat(resource("k", "uploadId=0004B9&partNumber=2&response-content-type=text%2Fplain+x"))
        .isEqualTo(
            "/examplebucket/k?partNumber=2&response-content-type=text/plain x&uploadId=0004B9");
  }

  @Test
  void signsSubResourceNamesCaseSensitively() {
    assertThat(resource("k", "ACL&Encryption&acl&x-oss-custom=1"))
        .isEqualTo("/examplebucket/k?acl");
  }

  @Test
  void widerPredicateAddsOssPrefixedQueryKeys() {
    String resource =
        SignatureV1.canonicalizedResource(
            "examplebucket",
            "nelson",
            query("x-oss-custom=v1&acl&param1=x"),
            SubResources::isListedOrOssPrefixed);

    assertThat(resource).isEqualTo("/examplebucket/nelson?acl&x-oss-custom=v1");
    assertThat(SignatureV1.sign("sk", "GET\n\n\n" + V1_DATE + "\n" + resource))
        .isEqualTo("xQ3sU9QZpSxTwHePqeRc/s2xOJM=");
  }

  @Test
  void joinsRepeatedOssHeadersAndTrimsEveryValue() {
    Headers headers =
        new Headers()
            .add("X-OSS-Meta-B", " 2 ")
            .add("x-oss-meta-a", "1")
            .add("Content-Type", " text/plain ")
            .add("x-oss-meta-a", " one")
            .add("Content-MD5", "  eB5eJF1ptWaXm4bijSPyxw==")
            .add("Cache-Control", "no-cache");

    assertThat(SignatureV1.stringToSign("PUT", headers, V1_DATE, "/b/k"))
        .isEqualTo(
            "PUT\neB5eJF1ptWaXm4bijSPyxw==\ntext/plain\nWed, 28 Dec 2022 10:27:41 GMT\n"
                + "x-oss-meta-a:1,one\nx-oss-meta-b:2\n/b/k");
  }

  @Test
  void leavesEmptyLinesForAbsentContentHeaders() {
    assertThat(SignatureV1.stringToSign("DELETE", headers("Host: h"), "1699808204", "/"))
        .isEqualTo("DELETE\n\n\n1699808204\n/");
  }

  private static QueryParameters query(String raw) {
    return QueryParameters.parse(raw);
  }

  private static String resource(String key, String rawQuery) {
    return SignatureV1.canonicalizedResource(
        "examplebucket", key, query(rawQuery), SubResources::isListed);
  }
}
