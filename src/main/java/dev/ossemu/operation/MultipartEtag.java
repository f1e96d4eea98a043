package dev.ossemu.operation;

import dev.ossemu.object.MultipartUpload;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** The ETag of a multipart object: MD5 of the parts' binary MD5s, a dash, the part count. */
final class MultipartEtag {
  private MultipartEtag() {}

  static String of(List<MultipartUpload.Part> parts) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      for (MultipartUpload.Part part : parts) {
        md5.update(part.blob().md5());
      }
      return "\""
          + HexFormat.of().formatHex(md5.digest()).toUpperCase(Locale.ROOT)
          + "-"
          + parts.size()
          + "\"";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is part of every JRE", e);
    }
  }
}
