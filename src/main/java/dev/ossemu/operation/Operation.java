package dev.ossemu.operation;

import dev.ossemu.request.OssResponse;

/** One OSS API action, such as PutBucketEncryption. */
@FunctionalInterface
public interface Operation {
  /**
   * Performs the action.
   *
   * @throws dev.ossemu.error.OssException when OSS would answer with an error
   */
  OssResponse handle(OssCall call);
}
