package dev.ossemu.operation;

import dev.ossemu.auth.Principal;
import dev.ossemu.request.OssRequest;
import dev.ossemu.request.Target;

/**
 * An authenticated request on its way to an operation.
 *
 * @param request the request
 * @param target the resolved bucket and key
 * @param principal who signed it
 */
public record OssCall(OssRequest request, Target target, Principal principal) {

  /** The bucket addressed; operations are only routed here for bucket-level targets. */
  public String bucket() {
    return target.bucket();
  }
}
