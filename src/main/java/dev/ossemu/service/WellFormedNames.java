package dev.ossemu.service;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.PercentCodec;
import dev.ossemu.request.QueryParameters;
import dev.ossemu.request.Target;

/**
 * Names OSS would accept are UTF-8: a percent-escape that does not decode to valid UTF-8 is refused
 * where it stands (InvalidBucketName, InvalidObjectName, InvalidArgument), before anything is read
 * or stored, so two such names can never meet as one key (see {@link PercentCodec#decode}).
 */
final class WellFormedNames {
  private WellFormedNames() {}

  /** The target as the journal may record it: the bytes that were not UTF-8 escaped again. */
  static Target printable(Target target) {
    if (target.isService()
        || (PercentCodec.isWellFormed(target.bucket())
            && PercentCodec.isWellFormed(target.key()))) {
      return target;
    }
    return new Target(
        PercentCodec.printable(target.bucket()), PercentCodec.printable(target.key()));
  }

  static void check(Target target, QueryParameters query) {
    if (!target.isService() && !PercentCodec.isWellFormed(target.bucket())) {
      throw OssException.of(OssErrorCode.INVALID_BUCKET_NAME)
          .extra("BucketName", PercentCodec.printable(target.bucket()))
          .build();
    }
    if (!PercentCodec.isWellFormed(target.key())) {
      throw OssException.of(OssErrorCode.INVALID_OBJECT_NAME)
          .message("The object name is not valid UTF-8.")
          .ec("0016-00000004") // DOC EC page 0016-00000004: a name that is not UTF-8
          .extra("ObjectName", PercentCodec.printable(target.key()))
          .build();
    }
    for (QueryParameters.Parameter parameter : query.all()) {
      if (!PercentCodec.isWellFormed(parameter.name())
          || !PercentCodec.isWellFormed(parameter.value())) {
        throw OssException.invalidArgument(
            "A query parameter is not valid UTF-8.",
            PercentCodec.printable(parameter.name()),
            PercentCodec.printable(parameter.value()));
      }
    }
  }
}
