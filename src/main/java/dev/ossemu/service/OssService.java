package dev.ossemu.service;

import dev.ossemu.auth.Accounts;
import dev.ossemu.auth.Authenticator;
import dev.ossemu.auth.Principal;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.error.ErrorRenderer;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.operation.BucketAccess;
import dev.ossemu.operation.BucketEncryptionOperations;
import dev.ossemu.operation.BucketOperations;
import dev.ossemu.operation.OssCall;
import dev.ossemu.operation.ServiceOperations;
import dev.ossemu.request.OssRequest;
import dev.ossemu.request.OssResponse;
import dev.ossemu.request.Target;
import dev.ossemu.routing.Addressing;
import dev.ossemu.routing.Route;
import dev.ossemu.routing.Router;
import dev.ossemu.xml.XmlCodec;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plain-Java request chain: addressing, bucket name, route, Content-MD5, signature, then the
 * operation. Every failure on the way becomes one OSS error response; nothing here knows Netty.
 */
public final class OssService {
  private static final Logger LOG = LoggerFactory.getLogger(OssService.class);

  private final Addressing addressing;
  private final Router router;
  private final Authenticator authenticator;
  private final ErrorRenderer errors;

  /**
   * @param accounts who may sign
   * @param region the region requests must be signed for (V4) and buckets live in
   * @param clock the clock for signature windows and creation dates
   * @param store the bucket state
   * @param serviceHosts extra host names that mean the emulator (spec §11)
   */
  public OssService(
      Accounts accounts, String region, Clock clock, BucketStore store, Set<String> serviceHosts) {
    XmlCodec xml = new XmlCodec();
    BucketAccess access = new BucketAccess(store);
    this.addressing = new Addressing(serviceHosts);
    this.router =
        new Router(
            RouteTable.of(
                new ServiceOperations(store, xml),
                new BucketOperations(access, xml, region, clock),
                new BucketEncryptionOperations(access, xml)));
    this.authenticator = new Authenticator(accounts, region, clock);
    this.errors = new ErrorRenderer(xml);
  }

  /** Answers one request; never throws. */
  public OssResponse handle(OssRequest request) {
    try {
      OssResponse response = dispatch(request);
      return request.isHead() ? response.withoutBody() : response;
    } catch (OssException e) {
      return errors.render(e, request);
    } catch (RuntimeException e) {
      LOG.error("internal error answering {} {}", request.method(), request.rawPath(), e);
      return errors.render(OssException.of(OssErrorCode.INTERNAL_ERROR).build(), request);
    }
  }

  private OssResponse dispatch(OssRequest request) {
    Target target = addressing.resolve(request.host(), request.rawPath());
    if (!target.isService()) {
      BucketNames.check(target.bucket());
    }
    Route route = router.route(request, target);
    ContentMd5.check(request);
    Principal principal = authenticator.authenticate(request, target.bucket(), target.key());
    return route.operation().handle(new OssCall(request, target, principal));
  }

  /** The renderer, for errors raised before a request could be parsed. */
  public ErrorRenderer errors() {
    return errors;
  }
}
