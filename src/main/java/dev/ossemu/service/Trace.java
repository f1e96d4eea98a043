package dev.ossemu.service;

import dev.ossemu.admin.RecordedRequest;
import dev.ossemu.auth.Principal;
import dev.ossemu.auth.Redaction;
import dev.ossemu.error.OssException;
import dev.ossemu.request.OssRequest;
import dev.ossemu.request.OssResponse;
import dev.ossemu.request.Target;

/**
 * What the chain learned about one request on its way, for the journal. The journal is readable
 * through the admin API, so signatures and STS tokens are taken out of what it keeps (issue 12).
 */
final class Trace {
  Target target;
  String action;
  Principal principal;
  OssException error;
  long delayMillis;
  boolean resetConnection;

  /** Who signed, or for a failed signature who claimed to: the key users look for. */
  private String accessKeyId() {
    if (principal != null) {
      return principal.accessKeyId();
    }
    return error == null ? null : error.extras().get("OSSAccessKeyId");
  }

  RecordedRequest toEntry(OssRequest request, OssResponse response, long epochMillis, long micros) {
    String bucket = target == null ? null : target.bucket();
    String key = target == null || target.key().isEmpty() ? null : target.key();
    String auth = null;
    if (principal != null) {
      auth = principal.isAnonymous() ? "anonymous" : principal.signature().name();
    }
    return new RecordedRequest(
        epochMillis,
        request.method(),
        request.uri(), // redacted when the journal is read
        bucket,
        key,
        action,
        auth,
        accessKeyId(),
        response.status(),
        error == null ? null : error.code(),
        micros,
        error == null ? null : Redaction.signed(error.extras().get("StringToSign")),
        error == null ? null : Redaction.signed(error.extras().get("CanonicalRequest")));
  }
}
