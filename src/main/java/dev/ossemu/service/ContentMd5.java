package dev.ossemu.service;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.OssRequest;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Checks {@code Content-MD5} when a client sends one. It is optional (JAVA1 sends none on
 * PutBucketEncryption, spec §1); JAVA2 sends the MD5 of the empty body even on GET and DELETE.
 */
final class ContentMd5 {
  /**
   * One digest per thread: {@code getInstance} is a provider lookup that costs more than 137 bytes.
   */
  private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(ContentMd5::newMd5);

  private ContentMd5() {}

  static void check(OssRequest request) {
    String header = request.headers().get("content-md5");
    if (header == null) {
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

  private static byte[] md5(byte[] body) {
    return MD5.get().digest(body); // digest() resets it for the next request on this thread
  }

  private static MessageDigest newMd5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is part of every JRE", e);
    }
  }
}
