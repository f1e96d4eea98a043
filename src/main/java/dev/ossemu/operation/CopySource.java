package dev.ossemu.operation;

import dev.ossemu.error.OssException;
import dev.ossemu.request.PercentCodec;

/**
 * The {@code x-oss-copy-source} header of CopyObject and UploadPartCopy: {@code
 * /<bucket>/<url-encoded key>}.
 *
 * @param bucket the source bucket
 * @param key the decoded source key
 */
record CopySource(String bucket, String key) {
  static final String HEADER = "x-oss-copy-source";

  static CopySource parse(String header) {
    String value = header.startsWith("/") ? header.substring(1) : header;
    int slash = value.indexOf('/');
    if (slash <= 0 || slash == value.length() - 1) {
      throw OssException.invalidArgument(
          "Copy Source must mention the source bucket and key: /sourcebucket/sourcekey.",
          HEADER,
          header);
    }
    return new CopySource(
        value.substring(0, slash), PercentCodec.decode(value.substring(slash + 1), false));
  }
}
