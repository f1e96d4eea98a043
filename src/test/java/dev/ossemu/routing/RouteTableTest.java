package dev.ossemu.routing;

import static dev.ossemu.testing.SignedRequests.CLOCK;
import static dev.ossemu.testing.SignedRequests.OWNER;
import static dev.ossemu.testing.SignedRequests.REGION;
import static dev.ossemu.testing.SignedRequests.bucket;
import static dev.ossemu.testing.SignedRequests.principal;
import static dev.ossemu.testing.SignedRequests.request;
import static dev.ossemu.testing.SignedRequests.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossemu.Wiring;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.InMemoryBucketStore;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.operation.OssCall;
import dev.ossemu.request.OssResponse;
import dev.ossemu.request.SubResources;
import dev.ossemu.xml.XmlCodec;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real route table behind the router: one row per served OSS action. */
class RouteTableTest {
  private final BucketStore store = new InMemoryBucketStore();
  private final Addressing addressing = new Addressing(Set.of());
  private final Router router =
      new Router(
          addressing,
          Wiring.routes(
              store,
              new InMemoryObjectStore(new StorageQuota(1 << 20)),
              new XmlCodec(),
              REGION,
              CLOCK));

  private Route route(String method, String uri) {
    Resolution resolution = router.resolve(method, "127.0.0.1:9000", uri);
    if (resolution.refusal() != null) {
      throw resolution.refusal();
    }
    return resolution.route();
  }

  private OssException refusal(String method, String uri) {
    OssException error = catchThrowableOfType(OssException.class, () -> route(method, uri));
    assertThat(error).as("%s %s", method, uri).isNotNull();
    return error;
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "GET, /, ListBuckets, oss:ListBuckets",
    "GET, /?prefix=a&max-keys=5, ListBuckets, oss:ListBuckets",
    "PUT, /b/?encryption, PutBucketEncryption, oss:PutBucketEncryption",
    "PUT, /b/?encryption=, PutBucketEncryption, oss:PutBucketEncryption",
    "GET, /b/?encryption, GetBucketEncryption, oss:GetBucketEncryption",
    "GET, /b/?encryption=, GetBucketEncryption, oss:GetBucketEncryption",
    "DELETE, /b/?encryption, DeleteBucketEncryption, oss:DeleteBucketEncryption",
    "DELETE, /b?encryption=, DeleteBucketEncryption, oss:DeleteBucketEncryption",
    "GET, /b/?bucketInfo, GetBucketInfo, oss:GetBucketInfo",
    "GET, /b/?location, GetBucketLocation, oss:GetBucketLocation",
    "GET, /b/?acl, GetBucketAcl, oss:GetBucketAcl",
    "PUT, /b/?acl, PutBucketAcl, oss:PutBucketAcl",
    "PUT, /b/, PutBucket, oss:PutBucket",
    "PUT, /b, PutBucket, oss:PutBucket",
    "DELETE, /b/, DeleteBucket, oss:DeleteBucket",
    "HEAD, /b/, HeadBucket, oss:GetBucketInfo",
    "GET, /b/, ListObjects, oss:ListObjects",
    "GET, /b/?list-type=2&prefix=a, ListObjects, oss:ListObjects",
    "POST, /b/?delete, DeleteMultipleObjects, oss:DeleteObject",
    "GET, /b/?uploads, ListMultipartUploads, oss:ListMultipartUploads",
    "PUT, /b/k, PutObject, oss:PutObject",
    "GET, /b/k, GetObject, oss:GetObject",
    "HEAD, /b/k, HeadObject, oss:GetObject",
    "DELETE, /b/k, DeleteObject, oss:DeleteObject",
    "HEAD, /b/k?objectMeta, GetObjectMeta, oss:GetObject",
    "GET, /b/k?acl, GetObjectAcl, oss:GetObjectAcl",
    "PUT, /b/k?acl, PutObjectAcl, oss:PutObjectAcl",
    "POST, /b/k?append&position=0, AppendObject, oss:PutObject",
    "POST, /b/k?uploads, InitiateMultipartUpload, oss:PutObject",
    "PUT, /b/k?partNumber=1&uploadId=U, UploadPart, oss:PutObject",
    "POST, /b/k?uploadId=U, CompleteMultipartUpload, oss:PutObject",
    "DELETE, /b/k?uploadId=U, AbortMultipartUpload, oss:AbortMultipartUpload",
    "GET, /b/k?uploadId=U, ListParts, oss:ListParts",
    "GET, /b/?encryption&foo=bar, GetBucketEncryption, oss:GetBucketEncryption"
  })
  void routesEveryServedAction(String method, String uri, String action, String ramAction) {
    Route route = route(method, uri);
    assertThat(route.action()).isEqualTo(action);
    assertThat(route.ramAction()).isEqualTo(ramAction);
    assertThat(route.method()).isEqualTo(method);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "PUT, /b/k, UPLOAD",
    "POST, /b/k?append&position=0, UPLOAD",
    "PUT, /b/k?partNumber=1&uploadId=U, UPLOAD",
    "POST, /b/k?uploadId=U, LARGE_DOCUMENT",
    "POST, /b/?delete, LARGE_DOCUMENT",
    "PUT, /b/?encryption, DOCUMENT",
    "PUT, /b/, DOCUMENT",
    "POST, /b/k?uploads, DOCUMENT",
    "GET, /b/k, DOCUMENT",
    // Unrouted (501 after the signature check): never streamed into storage.
    "PUT, /b/k?tagging, DOCUMENT",
    "PUT, /b/?lifecycle, DOCUMENT"
  })
  void eachRowDeclaresHowItsBodyIsTakenIn(String method, String uri, BodyKind kind) {
    assertThat(router.resolve(method, "127.0.0.1", uri).bodyKind()).isEqualTo(kind);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"PUT, PutObject", "GET, GetObject"})
  void routesAPresignedObjectRequestWithATrafficLimitToItsAction(String method, String action) {
    // PY presigns uploads and downloads with the query parameter x-oss-traffic-limit [SDK-IT
    // oss2 tests/test_traffic_limit.py, test_put_object_with_signed_url and
    // test_get_object_with_signed_url]: an argument that throttles the transfer, not an action.
    assertThat(route(method, "/b/k?x-oss-traffic-limit=819200").action()).isEqualTo(action);
  }

  @Test
  void wiresEachBucketRowToItsOperation() {
    store.createIfAbsent(bucket("b", OWNER, EncryptionRule.of(SseAlgorithm.SM4)));
    assertThat(text(handle("GET", "/b/?encryption"))).contains("<SSEAlgorithm>SM4</SSEAlgorithm>");
    assertThat(text(handle("GET", "/b/?location"))).contains("<LocationConstraint>");
    assertThat(text(handle("GET", "/b/?acl"))).contains("<AccessControlPolicy>");
    assertThat(text(handle("GET", "/b/?bucketInfo"))).contains("<BucketInfo>");
    assertThat(text(handle("GET", "/"))).contains("<Name>b</Name>");
    assertThat(handle("HEAD", "/b/").headers()).containsKey("x-oss-bucket-region");
    assertThat(handle("DELETE", "/b/?encryption").status()).isEqualTo(204);
    assertThat(store.find("b").orElseThrow().encryption()).isNull();
    assertThat(handle("DELETE", "/b/").status()).isEqualTo(204);
    assertThat(store.find("b")).isEmpty();
    assertThat(handle("PUT", "/b/").status()).isEqualTo(200);
    assertThat(store.find("b")).isPresent();
  }

  private OssResponse handle(String method, String uri) {
    Route route = route(method, uri);
    return route
        .operation()
        .handle(
            new OssCall(
                request(method, uri).unsigned(),
                addressing.resolve("127.0.0.1", uri.replaceAll("\\?.*", "")),
                principal(OWNER)));
  }

  @Test
  void answersPostOnTheEncryptionSubResourceWith405() {
    OssException error = refusal("POST", "/b/?encryption");
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.METHOD_NOT_ALLOWED);
    assertThat(error.headers()).containsEntry("Allow", "PUT, GET, DELETE");
    assertThat(error.extras())
        .containsEntry("Method", "POST")
        .containsEntry("ResourceType", "BUCKET");
    assertThat(refusal("HEAD", "/b/?acl").headers()).containsEntry("Allow", "GET, PUT");
  }

  @Test
  void answersPatchWith405AndTheAllowedMethods() {
    OssException onBucket = refusal("PATCH", "/b/");
    assertThat(onBucket.errorCode()).isEqualTo(OssErrorCode.METHOD_NOT_ALLOWED);
    assertThat(onBucket.headers()).containsEntry("Allow", "PUT, DELETE, HEAD, GET");
    assertThat(onBucket.extras()).containsEntry("Method", "PATCH");
    OssException onEncryption = refusal("PATCH", "/b/?encryption");
    assertThat(onEncryption.headers()).containsEntry("Allow", "PUT, GET, DELETE");
    assertThat(refusal("PUT", "/").headers()).containsEntry("Allow", "GET");
  }

  @Test
  void routesOnlySubResourcesOfTheOneOssTable() {
    for (Route route :
        Wiring.routes(
            store, new InMemoryObjectStore(new StorageQuota(1)), new XmlCodec(), REGION, CLOCK)) {
      if (route.subResource() != null) {
        assertThat(SubResources.isAction(route.subResource())).as(route.action()).isTrue();
      }
    }
  }

  @Test
  void answersUnservedSubResourcesWith501() {
    for (String uri :
        new String[] {
          "/b/?lifecycle",
          "/b/?lifecycle=",
          "/b/?cors",
          "/b/k?tagging",
          // issue 14 item 16: these answered ListBuckets and ListObjects.
          "/?regions",
          "/?regions=oss-cn-hangzhou",
          "/b/?accessmonitor",
          "/b/?prefix=a&accessmonitor"
        }) {
      OssException error = refusal("GET", uri);
      assertThat(error.errorCode()).as(uri).isEqualTo(OssErrorCode.NOT_IMPLEMENTED);
      assertThat(error.status()).as(uri).isEqualTo(501);
    }
    assertThat(refusal("PUT", "/b/?lifecycle").errorCode()).isEqualTo(OssErrorCode.NOT_IMPLEMENTED);
    assertThat(refusal("POST", "/b/").errorCode()).isEqualTo(OssErrorCode.NOT_IMPLEMENTED);
  }
}
