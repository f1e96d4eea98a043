package dev.ossemu.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hashes and digests the signatures use. {@code Mac.getInstance} and {@code init} cost
 * more than hashing a 100-byte StringToSign (a provider lookup, then the key's inner and outer
 * pads), so each thread keeps one {@code Mac} per algorithm, re-initialised only when the key
 * changes: a V1 secret signs request after request, so its pads are computed once.
 */
final class Hmac {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private static final ThreadLocal<Keyed> SHA1 =
      ThreadLocal.withInitial(() -> new Keyed("HmacSHA1"));
  private static final ThreadLocal<Keyed> SHA256 =
      ThreadLocal.withInitial(() -> new Keyed("HmacSHA256"));
  private static final ThreadLocal<MessageDigest> SHA256_DIGEST =
      ThreadLocal.withInitial(() -> digest("SHA-256"));

  private Hmac() {}

  static byte[] sha1(byte[] key, byte[] data) {
    return SHA1.get().mac(key, data);
  }

  static byte[] sha256(byte[] key, byte[] data) {
    return SHA256.get().mac(key, data);
  }

  static byte[] sha256Digest(byte[] data) {
    // digest() resets the instance, so the next caller on this thread starts clean.
    return SHA256_DIGEST.get().digest(data);
  }

  static String lowerHex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is part of every JRE", e);
    }
  }

  /** One thread's Mac and the key it was last initialised with. */
  private static final class Keyed {
    private final String algorithm;
    private final Mac mac;
    private byte[] key;

    Keyed(String algorithm) {
      this.algorithm = algorithm;
      try {
        this.mac = Mac.getInstance(algorithm);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(algorithm + " is part of every JRE", e);
      }
    }

    byte[] mac(byte[] newKey, byte[] data) {
      // isEqual is constant-time: which secret signed the previous request stays unobservable.
      if (key == null || !MessageDigest.isEqual(key, newKey)) {
        key = null; // until init succeeds
        try {
          mac.init(new SecretKeySpec(newKey, algorithm));
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException(algorithm + " is part of every JRE", e);
        }
        key = newKey.clone();
      }
      // doFinal leaves the Mac initialised with the same key, ready for the next message.
      return mac.doFinal(data);
    }
  }
}
