package dev.ossemu.testing;

import dev.ossemu.auth.Account;
import dev.ossemu.auth.Accounts;
import dev.ossemu.auth.Principal;
import dev.ossemu.auth.SignatureV1;
import dev.ossemu.bucket.Bucket;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.operation.OssCall;
import dev.ossemu.request.Headers;
import dev.ossemu.request.OssRequest;
import dev.ossemu.request.OssResponse;
import dev.ossemu.request.PercentCodec;
import dev.ossemu.request.QueryParameters;
import dev.ossemu.request.SubResources;
import dev.ossemu.request.Target;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Path-style (or virtual-hosted) requests for unit tests of operations and of {@code OssService}:
 * either an {@link OssCall} with a V1 principal for calling an operation directly, or an {@link
 * OssRequest} carrying a V1 {@code Authorization} header and a {@code Date} from {@link #CLOCK}.
 */
public final class SignedRequests {
  /** The fixed time every request is signed at and every service runs at. */
  public static final Instant NOW = Instant.parse("2026-11-25T10:00:00.123Z");

  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  public static final String REGION = "cn-hangzhou";
  public static final String HOST = "127.0.0.1:9000";
  public static final String REQUEST_ID = "5C1B138A109F4E405B2D8AEF";

  public static final Account OWNER = Account.of("owner-access-key", "owner-secret");
  public static final Account OTHER = Account.of("other-access-key", "other-secret");
  public static final Accounts ACCOUNTS = new Accounts(List.of(OWNER, OTHER));

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private final String method;
  private final String uri;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private byte[] body = new byte[0];
  private String virtualBucket;

  private SignedRequests(String method, String uri) {
    this.method = method;
    this.uri = uri;
    headers.put("Host", HOST);
  }

  /** A request such as {@code request("PUT", "/bucket/?encryption")}. */
  public static SignedRequests request(String method, String uri) {
    return new SignedRequests(method, uri);
  }

  public SignedRequests header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /**
   * Addresses {@code bucket} as a virtual host: Host {@code <bucket>.<serviceHost>}, and the whole
   * path is the key.
   */
  public SignedRequests virtualHost(String bucket, String serviceHost) {
    headers.put("Host", bucket + "." + serviceHost);
    virtualBucket = bucket;
    return this;
  }

  public SignedRequests body(String text) {
    return body(text.getBytes(StandardCharsets.UTF_8));
  }

  public SignedRequests body(byte[] bytes) {
    this.body = bytes.clone();
    return this;
  }

  /** The account itself, signing with its primary key. */
  public static Principal principal(Account account) {
    return new Principal(account, account.primaryKey().id(), Principal.SignatureVersion.V1);
  }

  /** The request without any signature. */
  public OssRequest unsigned() {
    Headers wire = new Headers();
    headers.forEach(wire::add);
    return OssRequest.of(REQUEST_ID, method, uri, wire, body);
  }

  /** The request with {@code Date} and a V1 {@code Authorization} of {@code account}'s key. */
  public OssRequest signedBy(Account account) {
    String date = HTTP_DATE.format(CLOCK.instant());
    headers.put("Date", date);
    Headers wire = new Headers();
    headers.forEach(wire::add);
    Target target = target();
    int question = uri.indexOf('?');
    QueryParameters query = QueryParameters.parse(question < 0 ? "" : uri.substring(question + 1));
    String resource =
        SignatureV1.canonicalizedResource(
            target.bucket(), target.key(), query, SubResources::isListed);
    Account.AccessKey key = account.primaryKey();
    String signature =
        SignatureV1.sign(key.secret(), SignatureV1.stringToSign(method, wire, date, resource));
    wire.add("Authorization", "OSS " + key.id() + ":" + signature);
    return OssRequest.of(REQUEST_ID, method, uri, wire, body);
  }

  /** A call by {@code account} for calling an operation directly. */
  public OssCall callBy(Account account) {
    return new OssCall(unsigned(), target(), principal(account));
  }

  /** A call without credentials. */
  public OssCall anonymousCall() {
    return new OssCall(unsigned(), target(), Principal.anonymous());
  }

  /** A Standard LRS private bucket in {@link #REGION}, created at {@link #NOW}. */
  public static Bucket bucket(String name, Account owner, EncryptionRule rule) {
    return new Bucket(name, owner.ownerId(), REGION, NOW, "Standard", "LRS", "private", rule);
  }

  /** A response body as text. */
  public static String text(OssResponse response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /**
   * Path style unless a virtual host was set: the first segment is the bucket, the rest the key,
   * both percent-decoded.
   */
  private Target target() {
    int question = uri.indexOf('?');
    String path = (question < 0 ? uri : uri.substring(0, question)).substring(1);
    if (virtualBucket != null) {
      return new Target(virtualBucket, PercentCodec.decode(path, false));
    }
    if (path.isEmpty()) {
      return Target.service();
    }
    int slash = path.indexOf('/');
    if (slash < 0) {
      return new Target(PercentCodec.decode(path, false), "");
    }
    return new Target(
        PercentCodec.decode(path.substring(0, slash), false),
        PercentCodec.decode(path.substring(slash + 1), false));
  }
}
