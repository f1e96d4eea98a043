package dev.ossemu.blob;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * The MD5 of a body: copies of the state kept after every byte (never updated itself, cloned to go
 * on), the digest, and the ETag OSS makes of it. {@link #fresh} and {@link #cloned} are public: the
 * data directory's loader and sequential uploads need them too.
 */
public final class BlobMd5 {
  private BlobMd5() {}

  /** A new MD5. */
  public static MessageDigest fresh() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is part of every JRE", e);
    }
  }

  /** A copy of {@code digest}'s state, to go on from. */
  public static MessageDigest cloned(MessageDigest digest) {
    try {
      return (MessageDigest) digest.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JRE's MD5 can be cloned", e);
    }
  }

  /** The digest of {@code blob}; a joined body, whose state is unknown, reads its bytes once. */
  static byte[] digest(Blob blob) {
    MessageDigest digest = blob.md5State();
    if (digest == null) {
      MessageDigest fresh = fresh();
      blob.forEachSlice(0, blob.length(), fresh::update);
      digest = fresh;
    }
    return digest.digest();
  }

  /** The quoted upper-case hex of {@code md5}, as OSS prints the ETag of a simple upload. */
  static String etag(byte[] md5) {
    StringBuilder out = new StringBuilder(34).append('"');
    for (byte b : md5) {
      out.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)));
      out.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
    }
    return out.append('"').toString();
  }
}
