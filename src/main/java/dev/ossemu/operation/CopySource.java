package dev.ossemu.operation;

import dev.ossemu.error.OssErrorCode;
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
    String key = PercentCodec.decode(value.substring(slash + 1), false);
    if (!PercentCodec.isWellFormed(key)) {
      throw OssException.of(OssErrorCode.INVALID_OBJECT_NAME)
          .message("The copy source's object name is not valid UTF-8.")
          .extra("ObjectName", PercentCodec.printable(key))
          .build();
    }
    return new CopySource(value.substring(0, slash), key);
  }
}
