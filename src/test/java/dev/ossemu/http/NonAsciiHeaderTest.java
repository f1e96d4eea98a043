package dev.ossemu.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.testing.TestService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Non-ASCII bytes in header values (UTF-8 or GBK in {@code x-oss-meta-*}) are signed and stored as
 * the bytes sent, V1 and V4 (issue 14 item 9). Requests are raw bytes signed here, by hand, over
 * exactly those bytes, as the Go SDK does (a Go string is its bytes).
 */
class NonAsciiHeaderTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
  private static final String DATE = "Wed, 25 Nov 2026 10:00:00 GMT";
  private static final String V4_DATE = "20261125T100000Z";
  private static final byte[] UTF8 = "张三 é".getBytes(StandardCharsets.UTF_8);
  private static final byte[] GBK = "中文".getBytes(Charset.forName("GBK"));

  private final TestService oss = new TestService(CLOCK);
  private final EmbeddedPipeline pipeline = new EmbeddedPipeline(oss.service, CLOCK, 1024);

  @AfterEach
  void noLeaks() {
    pipeline.close();
  }

  @Test
  void signsAndStoresUtf8AndGbkMetadataAsSentWithV1() throws Exception {
    oss.createBucket("examplebucket", null);
    byte[] stringToSign =
        concat(
            ascii("PUT\n\n\n" + DATE + "\nx-oss-meta-gbk:"),
            GBK,
            ascii("\nx-oss-meta-name:"),
            UTF8,
            ascii("\n/examplebucket/k1"));
    String signature = Base64.getEncoder().encodeToString(hmac("HmacSHA1", secret(), stringToSign));
    byte[] put =
        request(
            "PUT /examplebucket/k1",
            "Date: " + DATE,
            "Authorization: OSS " + TestService.ACCESS_KEY_ID + ":" + signature);
    assertThat(pipeline.exchange(put).status()).isEqualTo(200);
    assertStoredAsSent("k1");
  }

  @Test
  void signsAndStoresUtf8AndGbkMetadataAsSentWithV4() throws Exception {
    oss.createBucket("examplebucket", null);
    byte[] canonical =
        concat(
            ascii("PUT\n/examplebucket/k4\n\nx-oss-content-sha256:UNSIGNED-PAYLOAD\n"),
            ascii("x-oss-date:" + V4_DATE + "\nx-oss-meta-gbk:"),
            GBK,
            ascii("\nx-oss-meta-name:"),
            UTF8,
            ascii("\n\n\nUNSIGNED-PAYLOAD"));
    String scope = "20261125/" + TestService.REGION + "/oss/aliyun_v4_request";
    String stringToSign =
        "OSS4-HMAC-SHA256\n"
            + V4_DATE
            + "\n"
            + scope
            + "\n"
            + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    byte[] key = ("aliyun_v4" + TestService.SECRET).getBytes(StandardCharsets.UTF_8);
    for (String part : new String[] {"20261125", TestService.REGION, "oss", "aliyun_v4_request"}) {
      key = hmac("HmacSHA256", key, ascii(part));
    }
    String signature = HexFormat.of().formatHex(hmac("HmacSHA256", key, ascii(stringToSign)));
    byte[] put =
        request(
            "PUT /examplebucket/k4",
            "x-oss-date: " + V4_DATE,
            "x-oss-content-sha256: UNSIGNED-PAYLOAD",
            "Authorization: OSS4-HMAC-SHA256 Credential="
                + TestService.ACCESS_KEY_ID
                + "/"
                + scope
                + ",Signature="
                + signature);
    assertThat(pipeline.exchange(put).status()).isEqualTo(200);
    assertStoredAsSent("k4");
  }

  /** HEAD answers the metadata with the very bytes that were stored. */
  private void assertStoredAsSent(String key) throws Exception {
    String stringToSign = "HEAD\n\n\n" + DATE + "\n/examplebucket/" + key;
    String signature =
        Base64.getEncoder().encodeToString(hmac("HmacSHA1", secret(), ascii(stringToSign)));
    EmbeddedPipeline.Response head =
        pipeline.exchange(
            concat(
                ascii("HEAD /examplebucket/" + key + " HTTP/1.1\r\nHost: 127.0.0.1:9000\r\n"),
                ascii("Date: " + DATE + "\r\n"),
                ascii("Authorization: OSS " + TestService.ACCESS_KEY_ID + ":" + signature),
                ascii("\r\n\r\n")));
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("x-oss-meta-name").getBytes(StandardCharsets.ISO_8859_1))
        .isEqualTo(UTF8);
    assertThat(head.header("x-oss-meta-gbk").getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(GBK);
  }

  /** A PUT with an empty body and both metadata headers as raw bytes. */
  private static byte[] request(String line, String... headers) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(ascii(line + " HTTP/1.1\r\nHost: 127.0.0.1:9000\r\nContent-Length: 0\r\n"));
    for (String header : headers) {
      out.write(ascii(header + "\r\n"));
    }
    out.write(concat(ascii("x-oss-meta-name: "), UTF8, ascii("\r\nx-oss-meta-gbk: "), GBK));
    out.write(ascii("\r\n\r\n"));
    return out.toByteArray();
  }

  private static byte[] secret() {
    return TestService.SECRET.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] hmac(String algorithm, byte[] key, byte[] data) throws Exception {
    Mac mac = Mac.getInstance(algorithm);
    mac.init(new SecretKeySpec(key, algorithm));
    return mac.doFinal(data);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.write(part);
    }
    return out.toByteArray();
  }
}
