package dev.ossemu.operation;

import dev.ossemu.blob.BlobMd5;
import dev.ossemu.object.MultipartUpload;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * The ETag of a multipart object as OSS computes it, which is not S3's formula: the upper-case hex
 * MD5 of the concatenated upper-case <b>hex</b> MD5 strings of the parts, a dash, the part count.
 * OSS's published vector: a 482,048-byte file in 100 KiB parts gives {@code
 * "2351E662233817A7AE974D8C5B0876DD-5"} (S3's MD5-of-binary-MD5s would give {@code
 * 6F52A710096C076B50B99034442BAF0C-5}).
 */
final class MultipartEtag {
  private MultipartEtag() {}

  static String of(List<MultipartUpload.Part> parts) {
    return ofPartMd5s(parts.stream().map(part -> part.blob().md5()).toList());
  }

  /** The ETag of an object whose parts, in order, have these binary MD5s. */
  static String ofPartMd5s(List<byte[]> partMd5s) {
    HexFormat hex = HexFormat.of().withUpperCase();
    MessageDigest md5 = BlobMd5.fresh();
    for (byte[] partMd5 : partMd5s) {
      md5.update(hex.formatHex(partMd5).getBytes(StandardCharsets.US_ASCII));
    }
    return "\"" + hex.formatHex(md5.digest()) + "-" + partMd5s.size() + "\"";
  }
}
