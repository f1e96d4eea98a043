package dev.ossemu.service;

import dev.ossemu.admin.AdminApi;
import dev.ossemu.admin.Fault;
import dev.ossemu.admin.Faults;
import dev.ossemu.admin.RequestJournal;
import dev.ossemu.auth.Accounts;
import dev.ossemu.auth.Authenticator;
import dev.ossemu.auth.Principal;
import dev.ossemu.auth.StsCredentials;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.error.ErrorRenderer;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.operation.BucketAccess;
import dev.ossemu.operation.BucketEncryptionOperations;
import dev.ossemu.operation.BucketOperations;
import dev.ossemu.operation.MultipartListOperations;
import dev.ossemu.operation.MultipartOperations;
import dev.ossemu.operation.ObjectListOperations;
import dev.ossemu.operation.ObjectOperations;
import dev.ossemu.operation.ObjectWriteOperations;
import dev.ossemu.operation.OssCall;
import dev.ossemu.operation.ServiceOperations;
import dev.ossemu.request.OssRequest;
import dev.ossemu.request.OssResponse;
import dev.ossemu.request.QueryParameters;
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
  private final Clock clock;
  private final RequestJournal journal;
  private final Faults faults;
  private final AdminApi admin;

  /**
   * A service without the admin API, journal or faults: the plain OSS chain.
   *
   * @param accounts who may sign
   * @param region the region requests must be signed for (V4) and buckets live in
   * @param clock the clock for signature windows and creation dates
   * @param store the bucket state
   * @param serviceHosts extra host names that mean the emulator (spec §11)
   */
  public OssService(
      Accounts accounts, String region, Clock clock, BucketStore store, Set<String> serviceHosts) {
    this(
        accounts,
        new StsCredentials(),
        region,
        clock,
        store,
        new InMemoryObjectStore(new StorageQuota(StorageQuota.DEFAULT_BYTES)),
        serviceHosts,
        new RequestJournal(0),
        new Faults(),
        null);
  }

  /**
   * The full service.
   *
   * @param sts the temporary credentials handed out to RAM users
   * @param objects the objects and multipart uploads
   * @param journal where every OSS request is recorded
   * @param faults the faults to inject
   * @param admin the admin API, or null for none (its paths are then ordinary OSS requests)
   */
  public OssService(
      Accounts accounts,
      StsCredentials sts,
      String region,
      Clock clock,
      BucketStore store,
      ObjectStore objects,
      Set<String> serviceHosts,
      RequestJournal journal,
      Faults faults,
      AdminApi admin) {
    XmlCodec xml = new XmlCodec();
    BucketAccess access = new BucketAccess(store);
    this.addressing = new Addressing(serviceHosts);
    ObjectOperations single = new ObjectOperations(access, objects, clock);
    ObjectWriteOperations writes = new ObjectWriteOperations(access, objects, single, xml);
    MultipartOperations multipart =
        new MultipartOperations(access, objects, single, writes, xml, clock);
    this.router =
        new Router(
            RouteTable.of(
                new ServiceOperations(store, xml),
                new BucketOperations(access, objects, xml, region, clock),
                new BucketEncryptionOperations(access, xml),
                new ObjectRoutes(
                    single,
                    writes,
                    new ObjectListOperations(access, objects, xml),
                    multipart,
                    new MultipartListOperations(access, objects, multipart, xml))));
    this.authenticator = new Authenticator(accounts, sts, region, clock);
    this.errors = new ErrorRenderer(xml);
    this.clock = clock;
    this.journal = journal;
    this.faults = faults;
    this.admin = admin;
  }

  /**
   * How the body of a request about to arrive is taken in: object uploads are streamed into
   * storage, everything else is a bounded document.
   *
   * @param rawUri the request target as sent
   */
  public BodyKind bodyKind(String method, String host, String rawUri) {
    int question = rawUri.indexOf('?');
    String path = question < 0 ? rawUri : rawUri.substring(0, question);
    if (admin != null && AdminApi.isAdminPath(path)) {
      return BodyKind.DOCUMENT;
    }
    QueryParameters query =
        QueryParameters.parse(question < 0 ? "" : rawUri.substring(question + 1));
    Target target = addressing.resolve(host, path);
    if (target.isObject()) {
      if (method.equals("POST") && query.has("uploadId")) {
        return BodyKind.LARGE_DOCUMENT;
      }
      if (method.equals("PUT") || (method.equals("POST") && query.has("append"))) {
        return BodyKind.UPLOAD;
      }
    }
    return target.isBucket() && method.equals("POST") && query.has("delete")
        ? BodyKind.LARGE_DOCUMENT
        : BodyKind.DOCUMENT;
  }

  /** Answers one request; never throws. */
  public OssResponse handle(OssRequest request) {
    return exchange(request).response();
  }

  /** Answers one request, with any injected delay or reset; never throws. */
  public Outcome exchange(OssRequest request) {
    if (admin != null && AdminApi.isAdminPath(request.rawPath())) {
      return Outcome.answer(admin.handle(request));
    }
    long startNanos = System.nanoTime();
    Trace trace = new Trace();
    OssResponse response;
    try {
      response = dispatch(request, trace);
    } catch (OssException e) {
      trace.error = e;
      response = errors.render(e, request);
    } catch (RuntimeException e) {
      LOG.error("internal error answering {} {}", request.method(), request.rawPath(), e);
      trace.error = OssException.of(OssErrorCode.INTERNAL_ERROR).build();
      response = errors.render(trace.error, request);
    }
    if (request.isHead()) {
      response = response.withoutBody();
    }
    long micros = (System.nanoTime() - startNanos) / 1000;
    journal.record(trace.toEntry(request, response, clock.instant(), micros));
    return new Outcome(response, trace.delayMillis, trace.resetConnection);
  }

  private OssResponse dispatch(OssRequest request, Trace trace) {
    Target target = addressing.resolve(request.host(), request.rawPath());
    trace.target = target;
    if (!target.isService()) {
      BucketNames.check(target.bucket());
    }
    Route route;
    OssException unrouted = null;
    try {
      route = router.route(request, target);
      trace.action = route.action();
    } catch (OssException e) {
      // Reported after the signature check: an unsigned or forged request learns nothing more.
      route = null;
      unrouted = e;
    }
    ContentMd5.check(request);
    Principal principal = authenticator.authenticate(request, target.bucket(), target.key());
    trace.principal = principal;
    if (unrouted != null) {
      throw unrouted;
    }
    if (!principal.isAllowed(route.ramAction(), target.bucket())) {
      // A RAM user whose policy does not allow the action: refused before anything changes.
      throw OssException.accessDenied(
          "You are not authorized to do this action. You should be authorized by RAM.");
    }
    Fault fault = faults.apply(route.action(), target.bucket());
    if (fault != null) {
      injure(fault, trace);
      if (trace.resetConnection) {
        return OssResponse.empty(500);
      }
    }
    return route.operation().handle(new OssCall(request, target, principal));
  }

  /** Applies an injected fault: a delay, a reset, or an OSS error instead of the operation. */
  private static void injure(Fault fault, Trace trace) {
    trace.delayMillis = fault.delayMillis() == null ? 0 : fault.delayMillis();
    trace.resetConnection = Boolean.TRUE.equals(fault.resetConnection());
    if (fault.error() != null && !trace.resetConnection) {
      Fault.Error error = fault.error();
      throw OssException.injected(
          error.status(),
          error.code(),
          error.message() == null ? "Injected by oss-emulator." : error.message());
    }
  }

  /** The renderer, for errors raised before a request could be parsed. */
  public ErrorRenderer errors() {
    return errors;
  }
}
