package dev.ossemu.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Presigned URLs for bucket sub-resources such as {@code ?encryption}, written from the spec
 * (§10.2, §10.4) independently of the emulator's code. The SDKs presign object URLs only (the Java
 * SDK 3.x refuses an empty key), so tests of bucket-level presigned URLs need their own signer.
 */
public final class Presigner {
  private static final DateTimeFormatter ISO_BASIC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private Presigner() {}

  /** {@code <endpoint>/<bucket>/?encryption&OSSAccessKeyId=..&Expires=..&Signature=..}. */
  public static String v1(
      String endpoint, String method, String bucket, String ak, String sk, long expires)
      throws Exception {
    String stringToSign = method + "\n\n\n" + expires + "\n/" + bucket + "/?encryption";
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(sk.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    String signature =
        Base64.getEncoder()
            .encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    return endpoint
        + "/"
        + bucket
        + "/?encryption&OSSAccessKeyId="
        + ak
        + "&Expires="
        + expires
        + "&Signature="
        + URLEncoder.encode(signature, StandardCharsets.UTF_8);
  }

  /** {@code <endpoint>/<bucket>/?encryption&x-oss-signature-version=OSS4-HMAC-SHA256&...}. */
  public static String v4(
      String endpoint,
      String method,
      String bucket,
      String ak,
      String sk,
      String region,
      Instant signedAt,
      long expiresSeconds)
      throws Exception {
    String date = ISO_BASIC.format(signedAt);
    String day = date.substring(0, 8);
    String scope = day + "/" + region + "/oss/aliyun_v4_request";
    String credential = URLEncoder.encode(ak + "/" + scope, StandardCharsets.UTF_8);
    // Sorted by name, bare "encryption" first; "/" in the credential stays encoded.
    String query =
        "encryption&x-oss-credential="
            + credential
            + "&x-oss-date="
            + date
            + "&x-oss-expires="
            + expiresSeconds
            + "&x-oss-signature-version=OSS4-HMAC-SHA256";
    String canonical = method + "\n/" + bucket + "/\n" + query + "\n\n\nUNSIGNED-PAYLOAD";
    String stringToSign =
        "OSS4-HMAC-SHA256\n" + date + "\n" + scope + "\n" + hex(sha256(canonical));
    byte[] key = hmac(("aliyun_v4" + sk).getBytes(StandardCharsets.UTF_8), day);
    key = hmac(key, region);
    key = hmac(key, "oss");
    key = hmac(key, "aliyun_v4_request");
    return endpoint
        + "/"
        + bucket
        + "/?"
        + query
        + "&x-oss-signature="
        + hex(hmac(key, stringToSign));
  }

  private static byte[] hmac(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(String data) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(data.getBytes(StandardCharsets.UTF_8));
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
