package dev.ossemu.service;

import static dev.ossemu.testing.SignedRequests.ACCOUNTS;
import static dev.ossemu.testing.SignedRequests.CLOCK;
import static dev.ossemu.testing.SignedRequests.HOST;
import static dev.ossemu.testing.SignedRequests.OTHER;
import static dev.ossemu.testing.SignedRequests.OWNER;
import static dev.ossemu.testing.SignedRequests.REGION;
import static dev.ossemu.testing.SignedRequests.REQUEST_ID;
import static dev.ossemu.testing.SignedRequests.bucket;
import static dev.ossemu.testing.SignedRequests.request;
import static dev.ossemu.testing.SignedRequests.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.Wiring;
import dev.ossemu.bucket.Bucket;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.InMemoryBucketStore;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.request.OssRequest;
import dev.ossemu.request.OssResponse;
import dev.ossemu.testing.XmlText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole plain-Java chain, from a signed request to one OSS response. */
class OssServiceTest {
  private static final String RULE =
      "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS"
          + "</SSEAlgorithm><KMSDataEncryption>SM4</KMSDataEncryption>"
          + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>";

  /** Base64 of the MD5 of the empty body, which JAVA2 sends even on GET. */
  private static final String EMPTY_MD5 = "1B2M2Y8AsgTpgAmY7PhCfg==";

  private final BucketStore store = new InMemoryBucketStore();
  private final OssService service = service(store);

  private static OssService service(BucketStore store) {
    return Wiring.service(ACCOUNTS, REGION, CLOCK, store, Set.of());
  }

  @BeforeEach
  void createBucket() {
    store.createIfAbsent(bucket("examplebucket", OWNER, null));
  }

  private OssResponse handle(OssRequest request) {
    return service.handle(request);
  }

  private EncryptionRule rule() {
    return store.find("examplebucket").orElseThrow().encryption();
  }

  private static String md5(String body) throws Exception {
    return Base64.getEncoder()
        .encodeToString(
            MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertError(OssResponse response, int status, String code, String ec) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(XmlText.one(response, "Code")).isEqualTo(code);
    assertThat(XmlText.one(response, "EC")).isEqualTo(ec);
    assertThat(XmlText.one(response, "RequestId")).isEqualTo(REQUEST_ID);
    if (ec == null) {
      assertThat(response.headers()).doesNotContainKey("x-oss-ec");
    } else {
      assertThat(response.headers()).containsEntry("x-oss-ec", ec);
    }
  }

  @Test
  void putsAndGetsARuleThroughTheWholeChain() throws Exception {
    OssResponse put =
        handle(
            request("PUT", "/examplebucket/?encryption")
                .header("Content-Type", "application/xml")
                .header("Content-MD5", md5(RULE))
                .body(RULE)
                .signedBy(OWNER));
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.body()).isEmpty();
    assertThat(rule()).isEqualTo(new EncryptionRule(SseAlgorithm.KMS, null, "SM4"));

    OssResponse get = handle(request("GET", "/examplebucket/?encryption=").signedBy(OWNER));
    assertThat(get.status()).isEqualTo(200);
    assertThat(text(get)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + RULE);
  }

  @Test
  void acceptsAVirtualHostedRequest() {
    OssResponse put =
        handle(
            request("PUT", "/?encryption")
                .virtualHost("examplebucket", "localhost:9000")
                .body(RULE)
                .signedBy(OWNER));
    assertThat(put.status()).isEqualTo(200);
    assertThat(rule()).isNotNull();
  }

  @Test
  void answersNodesUndefinedHostAtTheRootWithListBuckets() {
    OssResponse response =
        handle(
            request("GET", "/")
                .header("Host", "undefined.oss-cn-hangzhou.aliyuncs.com")
                .signedBy(OWNER));
    assertThat(response.status()).isEqualTo(200);
    assertThat(XmlText.all(response, "Name")).containsExactly("examplebucket");
  }

  @Test
  void rendersAnOperationsErrorWithRequestIdHostIdAndEc() {
    OssResponse response = handle(request("GET", "/examplebucket/?encryption").signedBy(OWNER));
    assertError(response, 404, "NoSuchServerSideEncryptionRule", "0005-00000004");
    assertThat(XmlText.one(response, "HostId")).isEqualTo(HOST);
  }

  @Test
  void refusesAnotherAccountWithoutChangingTheRule() {
    store.update("examplebucket", b -> b.withEncryption(EncryptionRule.of(SseAlgorithm.SM4)));
    OssResponse response = handle(request("DELETE", "/examplebucket/?encryption").signedBy(OTHER));
    assertError(response, 403, "AccessDenied", "0003-00000001");
    assertThat(XmlText.one(response, "Message"))
        .isEqualTo("The bucket you access does not belong to you.");
    assertThat(rule()).isEqualTo(EncryptionRule.of(SseAlgorithm.SM4));
  }

  @Test
  void refusesAnAnonymousRequestOnABucket() {
    assertError(
        handle(request("PUT", "/examplebucket/?encryption").body(RULE).unsigned()),
        403,
        "AccessDenied",
        "0003-00000001");
    assertThat(rule()).isNull();
  }

  @Test
  void acceptsAMatchingContentMd5AndTheEmptyBodysMd5OnGet() throws Exception {
    store.update("examplebucket", b -> b.withEncryption(EncryptionRule.of(SseAlgorithm.SM4)));
    OssResponse get =
        handle(
            request("GET", "/examplebucket/?encryption")
                .header("Content-MD5", EMPTY_MD5)
                .signedBy(OWNER));
    assertThat(get.status()).isEqualTo(200);
  }

  @Test
  void signsButDoesNotCheckTheContentMd5OfAGetWithoutABody() throws Exception {
    // issue 14 item 12: the header of a bodiless request is only part of the string to sign.
    store.update("examplebucket", b -> b.withEncryption(EncryptionRule.of(SseAlgorithm.SM4)));
    OssResponse get =
        handle(
            request("GET", "/examplebucket/?encryption")
                .header("Content-MD5", md5(RULE))
                .signedBy(OWNER));
    assertThat(get.status()).isEqualTo(200);
  }

  @Test
  void refusesAContentMd5ThatDoesNotMatchTheBody() throws Exception {
    OssResponse response =
        handle(
            request("PUT", "/examplebucket/?encryption")
                .header("Content-MD5", md5(RULE + " "))
                .body(RULE)
                .signedBy(OWNER));
    assertError(response, 400, "InvalidDigest", "0017-00000503");
    assertThat(XmlText.one(response, "Message"))
        .isEqualTo("The Content-MD5 you specified was invalid.");
    assertThat(rule()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-base64!", "AAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAA="})
  void refusesAContentMd5ThatIsNotBase64OfSixteenBytes(String header) {
    OssResponse response =
        handle(
            request("PUT", "/examplebucket/?encryption")
                .header("Content-MD5", header)
                .body(RULE)
                .signedBy(OWNER));
    assertError(response, 400, "InvalidDigest", "0017-00000502");
    assertThat(rule()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "_emulator",
        "Ab",
        "a",
        "ab",
        "-abc",
        "abc-",
        "ab_c",
        "ab.c",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      })
  void refusesAnInvalidBucketName(String name) {
    OssResponse response = handle(request("PUT", "/" + name + "/").signedBy(OWNER));
    assertError(response, 400, "InvalidBucketName", "0015-00000001");
    assertThat(XmlText.one(response, "Message")).isEqualTo("The specified bucket is not valid.");
    assertThat(store.list()).extracting(Bucket::name).containsExactly("examplebucket");
  }

  @Test
  void createsABucketWithTheLongestValidName() {
    String name = "a".repeat(62) + "9";
    assertThat(handle(request("PUT", "/" + name + "/").signedBy(OWNER)).status()).isEqualTo(200);
    assertThat(store.find(name)).isPresent();
  }

  @Test
  void answersAHeadWithoutABody() {
    OssResponse found = handle(request("HEAD", "/examplebucket/").signedBy(OWNER));
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.body()).isEmpty();
    assertThat(found.headers()).containsEntry("x-oss-bucket-region", REGION);

    OssResponse missing = handle(request("HEAD", "/missing/").signedBy(OWNER));
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).isEmpty();
    assertThat(missing.headers()).containsEntry("x-oss-ec", "0015-00000101");
    assertThat(
            new String(
                Base64.getDecoder().decode(missing.headers().get("x-oss-err")),
                StandardCharsets.UTF_8))
        .contains("<Code>NoSuchBucket</Code>")
        .contains("<BucketName>missing</BucketName>");
  }

  @Test
  void reportsARoutingErrorOnlyToASignedRequest() {
    OssResponse signed = handle(request("POST", "/examplebucket/?encryption").signedBy(OWNER));
    assertError(signed, 405, "MethodNotAllowed", "0003-00000016");
    assertThat(signed.headers()).containsEntry("Allow", "PUT, GET, DELETE");

    OssRequest forged =
        request("POST", "/examplebucket/?encryption")
            .header("Authorization", "OSS " + OWNER.primaryKey().id() + ":forged")
            .header("Date", "Wed, 25 Nov 2026 10:00:00 GMT")
            .unsigned();
    assertThat(XmlText.one(handle(forged), "Code")).isEqualTo("SignatureDoesNotMatch");
  }

  @Test
  void answersAnUnservedSubResourceWith501() {
    OssResponse response = handle(request("GET", "/examplebucket/?lifecycle").signedBy(OWNER));
    assertError(response, 501, "NotImplemented", null);
  }

  @Test
  void answersSubResourcesNoSdkSignsWith501NotAnotherAction() {
    // issue 14 item 16: DescribeRegions was answered as ListBuckets, GetBucketAccessMonitor as
    // ListObjects.
    assertError(handle(request("GET", "/?regions").signedBy(OWNER)), 501, "NotImplemented", null);
    assertError(
        handle(request("GET", "/examplebucket/?accessmonitor").signedBy(OWNER)),
        501,
        "NotImplemented",
        null);
    assertError(
        handle(request("PUT", "/examplebucket/?accessmonitor").body("<x/>").signedBy(OWNER)),
        501,
        "NotImplemented",
        null);
  }

  @Test
  void turnsAnUnexpectedExceptionIntoAn500InternalError() {
    OssService broken = service(new ThrowingStore());
    // The failure is logged once at ERROR: captured here, so that a green build stays quiet.
    ch.qos.logback.classic.Logger log =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(OssService.class);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events =
        new ch.qos.logback.core.read.ListAppender<>();
    events.start();
    log.addAppender(events);
    log.setAdditive(false);
    OssResponse response;
    OssResponse head;
    try {
      response = broken.handle(request("GET", "/examplebucket/?encryption").signedBy(OWNER));
      head = broken.handle(request("HEAD", "/examplebucket/").signedBy(OWNER));
    } finally {
      log.setAdditive(true);
      log.detachAppender(events);
    }
    assertThat(events.list)
        .extracting(e -> e.getLevel().toString())
        .containsExactly("ERROR", "ERROR");
    assertError(response, 500, "InternalError", null);
    assertThat(XmlText.one(response, "Message"))
        .isEqualTo("We encountered an internal error. Please try again.")
        .doesNotContain("disk on fire");
    assertThat(head.status()).isEqualTo(500);
    assertThat(head.body()).isEmpty();
  }

  /** A store whose every read fails, as a broken disk would. */
  private static final class ThrowingStore implements BucketStore {
    @Override
    public Optional<Bucket> find(String name) {
      throw new IllegalStateException("disk on fire");
    }

    @Override
    public Bucket createIfAbsent(Bucket bucket) {
      throw new IllegalStateException("disk on fire");
    }

    @Override
    public Optional<Bucket> update(String name, UnaryOperator<Bucket> change) {
      throw new IllegalStateException("disk on fire");
    }

    @Override
    public boolean delete(String name) {
      throw new IllegalStateException("disk on fire");
    }

    @Override
    public List<Bucket> list() {
      throw new IllegalStateException("disk on fire");
    }

    @Override
    public void clear() {}
  }
}
