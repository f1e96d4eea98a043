package dev.ossemu.service;

import dev.ossemu.blob.BlobMd5;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.OssRequest;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Checks {@code Content-MD5} when a client sends one with a body. It is optional (JAVA1 sends none
 * on PutBucketEncryption, spec §1); JAVA2 sends the MD5 of the empty body even on GET and DELETE,
 * and a signed GET may carry any value: on a request without a body OSS treats the header only as
 * part of the string to sign, so it is not checked against an empty body.
 */
final class ContentMd5 {
  /**
   * One digest per thread: {@code getInstance} is a provider lookup that costs more than 137 bytes.
   */
  private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(BlobMd5::fresh);

  private ContentMd5() {}

  static void check(OssRequest request) {
    String header = request.headers().get("content-md5");
    if (header == null || isBodiless(request)) {
      return;
    }
    byte[] expected;
    try {
      expected = Base64.getDecoder().decode(header.trim());
    } catch (IllegalArgumentException e) {
      expected = null;
    }
    if (expected == null || expected.length != 16) {
      // spec §9.3: EC 0017-00000502, the header is not base64 of 16 bytes.
      throw OssException.of(OssErrorCode.INVALID_DIGEST).ec("0017-00000502").build();
    }
    byte[] actual = request.upload() != null ? request.upload().md5() : md5(request.body());
    if (!MessageDigest.isEqual(expected, actual)) {
      throw OssException.of(OssErrorCode.INVALID_DIGEST).ec("0017-00000503").build();
    }
  }

  /** GET, HEAD and DELETE carry no body in any OSS action; when none arrived there is none. */
  private static boolean isBodiless(OssRequest request) {
    boolean bodilessMethod =
        switch (request.method()) {
          case "GET", "HEAD", "DELETE" -> true;
          default -> false;
        };
    return bodilessMethod && request.upload() == null && request.body().length == 0;
  }

  private static byte[] md5(byte[] body) {
    return MD5.get().digest(body); // digest() resets it for the next request on this thread
  }
}
