package dev.ossemu.service;

import dev.ossemu.admin.AdminApi;
import dev.ossemu.admin.Fault;
import dev.ossemu.admin.Faults;
import dev.ossemu.admin.RequestJournal;
import dev.ossemu.auth.Authenticator;
import dev.ossemu.auth.Principal;
import dev.ossemu.error.ErrorRenderer;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.operation.OssCall;
import dev.ossemu.request.OssRequest;
import dev.ossemu.request.OssResponse;
import dev.ossemu.request.Target;
import dev.ossemu.routing.Resolution;
import dev.ossemu.routing.Route;
import dev.ossemu.routing.Router;
import java.net.InetAddress;
import java.time.Clock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plain-Java request chain: addressing, bucket name, route, Content-MD5, signature, then the
 * operation. Every failure on the way becomes one OSS error response; nothing here knows Netty.
 */
public final class OssService {
  private static final Logger LOG = LoggerFactory.getLogger(OssService.class);

  private final Router router;
  private final Authenticator authenticator;
  private final Predicate<String> bucketExists;
  private final ErrorRenderer errors;
  private final Clock clock;
  private final RequestJournal journal;
  private final Faults faults;
  private final AdminApi admin;

  /**
   * The chain, from parts wired by the composition root ({@code dev.ossemu.Wiring}).
   *
   * @param router addressing and the route table
   * @param authenticator who signed a request
   * @param bucketExists whether a bucket exists, for ordering NoSuchBucket before credentials
   * @param errors the one error renderer
   * @param clock the clock for the journal
   * @param journal where every OSS request is recorded
   * @param faults the faults to inject
   * @param admin the admin API, or null for none (its paths are then ordinary OSS requests)
   */
  public OssService(
      Router router,
      Authenticator authenticator,
      Predicate<String> bucketExists,
      ErrorRenderer errors,
      Clock clock,
      RequestJournal journal,
      Faults faults,
      AdminApi admin) {
    this.router = router;
    this.authenticator = authenticator;
    this.bucketExists = bucketExists;
    this.errors = errors;
    this.clock = clock;
    this.journal = journal;
    this.faults = faults;
    this.admin = admin;
  }

  /**
   * Resolves a request head once, before its body arrives: its route says how the body is taken in
   * (object uploads are streamed into storage, everything else is a bounded document).
   *
   * @param rawUri the request target as sent
   */
  public Resolution resolve(String method, String host, String rawUri) {
    // The admin API is path style to the service host only; on a virtual host it is a key.
    if (admin != null && AdminApi.isAdminPath(pathOf(rawUri)) && router.isPathStyle(host)) {
      return Resolution.unrouted(rawUri);
    }
    return router.resolve(method, host, rawUri);
  }

  private static String pathOf(String rawUri) {
    int question = rawUri.indexOf('?');
    return question < 0 ? rawUri : rawUri.substring(0, question);
  }

  /** Answers one request; never throws. */
  public OssResponse handle(OssRequest request) {
    return exchange(request).response();
  }

  /** Answers one request from an unknown peer, with any injected delay or reset; never throws. */
  public Outcome exchange(OssRequest request) {
    return exchange(request, resolve(request.method(), request.host(), request.uri()), null);
  }

  /**
   * Answers one request already resolved by {@link #resolve}, from an unknown peer; never throws.
   *
   * @param resolution what {@link #resolve} answered for this request's head
   */
  public Outcome exchange(OssRequest request, Resolution resolution) {
    return exchange(request, resolution, null);
  }

  /**
   * Answers one request already resolved by {@link #resolve}; never throws.
   *
   * @param resolution what {@link #resolve} answered for this request's head
   * @param peer the caller's address, which the admin API's rules look at; null when unknown
   */
  public Outcome exchange(OssRequest request, Resolution resolution, InetAddress peer) {
    if (admin != null && resolution.target() == null) {
      return Outcome.answer(admin.handle(request, peer));
    }
    long startNanos = System.nanoTime();
    Trace trace = new Trace();
    OssResponse response;
    try {
      response = dispatch(request, resolution, trace);
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
    journal.record(trace.toEntry(request, response, clock.millis(), micros));
    return new Outcome(response, trace.delayMillis, trace.resetConnection);
  }

  private OssResponse dispatch(OssRequest request, Resolution resolution, Trace trace) {
    Target target = resolution.target();
    trace.target = WellFormedNames.printable(target);
    WellFormedNames.check(target, resolution.query());
    if (!target.isService()) {
      BucketNames.check(target.bucket());
    }
    Route route = resolution.route();
    if (route != null) {
      trace.action = route.action();
    }
    ContentMd5.check(request);
    Principal principal = authenticate(request, target, route);
    trace.principal = principal;
    if (route == null) {
      // Reported after the signature check: an unsigned or forged request learns nothing more.
      throw resolution.refusal();
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

  /**
   * The signature check, except that on a bucket that does not exist OSS answers 404 NoSuchBucket
   * rather than a credential error (the SDK suites' invalid clients expect it). ListBuckets has no
   * bucket and PutBucket creates one, so both keep the credential error.
   */
  private Principal authenticate(OssRequest request, Target target, Route route) {
    try {
      return authenticator.authenticate(request, target.bucket(), target.key());
    } catch (OssException e) {
      boolean credential =
          e.code().equals(OssErrorCode.INVALID_ACCESS_KEY_ID.code())
              || e.code().equals(OssErrorCode.SIGNATURE_DOES_NOT_MATCH.code());
      boolean creates = route != null && route.action().equals("PutBucket");
      if (credential && !creates && !target.isService() && !bucketExists.test(target.bucket())) {
        throw OssException.noSuchBucket(target.bucket());
      }
      throw e;
    }
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
