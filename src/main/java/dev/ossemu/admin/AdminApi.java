package dev.ossemu.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossemu.auth.Accounts;
import dev.ossemu.auth.StsCredentials;
import dev.ossemu.request.OssRequest;
import dev.ossemu.request.OssResponse;
import dev.ossemu.request.QueryParameters;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The emulator's own JSON API under {@code /_emulator/}: health, reset, the request journal and
 * fault injection. A leading {@code _} can never start a bucket name (spec §4), so these paths
 * never shadow an OSS request; they are admin paths only in path style to the service host (a
 * virtual-hosted {@code /_emulator/x} is the object key {@code _emulator/x}).
 */
public final class AdminApi {
  /** Every admin path starts with this. */
  public static final String PREFIX = "/_emulator";

  /**
   * Built on the first admin request: an ObjectMapper was a quarter of a second of every start, and
   * most runs never call the admin API.
   */
  private volatile ObjectMapper json;

  private final AdminSettings settings;
  private final AdminAccess access;
  private final RequestJournal journal;
  private final Faults faults;
  private final Runnable reset;
  private final StsEndpoint sts;

  public AdminApi(
      AdminSettings settings,
      RequestJournal journal,
      Faults faults,
      Runnable reset,
      Accounts accounts,
      StsCredentials sts,
      Clock clock) {
    this.settings = settings;
    this.access = new AdminAccess(settings.token(), settings.bindHost());
    this.journal = journal;
    this.faults = faults;
    this.reset = reset;
    this.sts = new StsEndpoint(accounts, sts, clock);
  }

  private ObjectMapper json() {
    ObjectMapper mapper = json;
    if (mapper == null) {
      synchronized (this) {
        mapper = json;
        if (mapper == null) {
          mapper =
              new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
          json = mapper;
        }
      }
    }
    return mapper;
  }

  /** Whether the ObjectMapper exists yet: health, errors and refusals do without it. */
  boolean mapperBuilt() {
    return json != null;
  }

  /** Whether a request is for the admin API rather than OSS. */
  public static boolean isAdminPath(String rawPath) {
    return rawPath.equals(PREFIX) || rawPath.startsWith(PREFIX + "/");
  }

  /**
   * Answers an admin request; never throws. Health answers everyone, even with the API turned off,
   * so that a container's health check works in every configuration; it tells only status, version
   * and region. Everything else needs authorisation ({@link AdminAccess}).
   *
   * @param peer the caller's address, or null when unknown
   */
  public OssResponse handle(OssRequest request, InetAddress peer) {
    String path = request.rawPath().substring(PREFIX.length());
    String method = request.method();
    if (path.equals("/health")) {
      return only("GET", method, () -> ok(200, health()));
    }
    if (!settings.enabled()) {
      return error(404, "NotFound", "the admin API is turned off");
    }
    AdminAccess.Refusal refusal = access.check(request, peer);
    if (refusal != null) {
      return refused(refusal);
    }
    try {
      return switch (path) {
        case "/reset" -> only("POST", method, this::reset);
        case "/requests" -> requests(method, request.query());
        case "/faults" -> faults(method, request.body());
        case "/sts/credentials" -> only("POST", method, () -> sts(request));
        default ->
            path.startsWith("/faults/") && method.equals("DELETE")
                ? deleteFault(path.substring("/faults/".length()))
                : error(404, "NotFound", "no admin resource " + request.rawPath());
      };
    } catch (IllegalArgumentException e) {
      return error(400, "InvalidRequest", e.getMessage());
    }
  }

  private OssResponse refused(AdminAccess.Refusal refusal) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", refusal.status() == 401 ? "Unauthorized" : "Forbidden");
    body.put("rule", refusal.rule());
    body.put("message", refusal.message());
    OssResponse response = ok(refusal.status(), body);
    return refusal.status() == 401 ? response.header("WWW-Authenticate", "Bearer") : response;
  }

  private Map<String, Object> health() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "UP");
    body.put("version", settings.version());
    body.put("region", settings.region());
    return body;
  }

  private OssResponse reset() {
    reset.run();
    return ok(200, Map.of("status", "reset"));
  }

  private OssResponse requests(String method, QueryParameters query) {
    if (method.equals("DELETE")) {
      journal.clear();
      return OssResponse.empty(204);
    }
    return only("GET", method, () -> ok(200, Map.of("requests", journal.list(filter(query)))));
  }

  private static Predicate<JournalEntry> filter(QueryParameters query) {
    String operation = query.get("operation");
    String bucket = query.get("bucket");
    String status = query.get("status");
    return entry ->
        (operation == null || operation.equals(entry.operation()))
            && (bucket == null || bucket.equals(entry.bucket()))
            && (status == null || status.equals(String.valueOf(entry.status())));
  }

  private OssResponse faults(String method, byte[] body) {
    switch (method) {
      case "POST":
        Fault fault;
        try {
          fault = json().readValue(body, Fault.class);
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException("not a fault document: " + e.getOriginalMessage());
        } catch (IOException e) {
          throw new IllegalArgumentException("not a fault document: " + e.getMessage());
        }
        return ok(201, Map.of("id", faults.add(fault)));
      case "GET":
        return ok(200, Map.of("faults", faults.list()));
      case "DELETE":
        faults.clear();
        return OssResponse.empty(204);
      default:
        return error(405, "MethodNotAllowed", "use GET, POST or DELETE");
    }
  }

  private OssResponse sts(OssRequest request) {
    StsEndpoint.Request body;
    try {
      body = json().readValue(request.body(), StsEndpoint.Request.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "not an STS request: expected {\"ramUser\": \"account/user\"}");
    }
    return ok(200, sts.issue(body, request.requestId()));
  }

  private OssResponse deleteFault(String id) {
    return faults.remove(id)
        ? OssResponse.empty(204)
        : error(404, "NotFound", "no fault with id " + id);
  }

  private OssResponse only(String allowed, String method, Supplier<OssResponse> action) {
    return allowed.equals(method)
        ? action.get()
        : error(405, "MethodNotAllowed", "use " + allowed).header("Allow", allowed);
  }

  private OssResponse ok(int status, Object body) {
    byte[] flat = body instanceof Map<?, ?> fields ? FlatJson.write(fields) : null;
    if (flat != null) {
      return OssResponse.json(status, flat);
    }
    try {
      return OssResponse.json(status, json().writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write admin JSON", e);
    }
  }

  private OssResponse error(int status, String code, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    return ok(status, body);
  }
}
