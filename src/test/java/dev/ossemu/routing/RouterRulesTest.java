package dev.ossemu.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.Headers;
import dev.ossemu.request.OssRequest;
import dev.ossemu.request.OssResponse;
import dev.ossemu.request.Target;
import dev.ossemu.routing.Route.Shape;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the router reads method, shape and sub-resource against a small table. */
class RouterRulesTest {
  private static final Target SERVICE = Target.service();
  private static final Target BUCKET = new Target("b", "");
  private static final Target OBJECT = new Target("b", "k");

  private static final Route LIST_BUCKETS = route("GET", Shape.SERVICE, null, "ListBuckets");
  private static final Route PUT_ENCRYPTION =
      route("PUT", Shape.BUCKET, "encryption", "PutBucketEncryption");
  private static final Route GET_ENCRYPTION =
      route("GET", Shape.BUCKET, "encryption", "GetBucketEncryption");
  private static final Route DELETE_ENCRYPTION =
      route("DELETE", Shape.BUCKET, "encryption", "DeleteBucketEncryption");
  private static final Route GET_ACL = route("GET", Shape.BUCKET, "acl", "GetBucketAcl");
  private static final Route PUT_BUCKET = route("PUT", Shape.BUCKET, null, "PutBucket");
  private static final Route LIST_OBJECTS = route("GET", Shape.BUCKET, null, "ListObjects");
  private static final Route GET_OBJECT = route("GET", Shape.OBJECT, null, "GetObject");

  private static final Router ROUTER =
      new Router(
          new Addressing(Set.of()),
          List.of(
              LIST_BUCKETS,
              PUT_ENCRYPTION,
              GET_ENCRYPTION,
              DELETE_ENCRYPTION,
              GET_ACL,
              PUT_BUCKET,
              LIST_OBJECTS,
              GET_OBJECT));

  private static Route route(String method, Shape shape, String subResource, String action) {
    return Route.row(method, shape, subResource, action, call -> OssResponse.empty(200));
  }

  private static Route route(String method, String uri, Target target) {
    return ROUTER.route(
        method, OssRequest.of("id", method, uri, new Headers(), new byte[0]).query(), target);
  }

  private static OssException refusal(String method, String uri, Target target) {
    OssException error = catchThrowableOfType(OssException.class, () -> route(method, uri, target));
    assertThat(error).as("%s %s", method, uri).isNotNull();
    return error;
  }

  @Test
  void returnsTheTablesOwnRow() {
    assertThat(route("GET", "/", SERVICE)).isSameAs(LIST_BUCKETS);
    assertThat(route("PUT", "/b/?encryption", BUCKET)).isSameAs(PUT_ENCRYPTION);
    assertThat(route("GET", "/b/k", OBJECT)).isSameAs(GET_OBJECT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/b/?encryption", "/b/?encryption=", "/b?encryption"})
  void treatsASubResourceWithAndWithoutAnEmptyValueAlike(String uri) {
    assertThat(route("GET", uri, BUCKET)).isSameAs(GET_ENCRYPTION);
    assertThat(route("DELETE", uri, BUCKET)).isSameAs(DELETE_ENCRYPTION);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/b/?foo=bar&encryption",
        "/b/?encryption&foo",
        "/b/?x-custom=1&encryption=",
        "/b/?encryption&versionId=v1"
      })
  void ignoresQueryKeysThatAreNoOssSubResource(String uri) {
    assertThat(route("GET", uri, BUCKET)).isSameAs(GET_ENCRYPTION);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/b/",
        "/b/?prefix=a&marker=b&max-keys=10",
        "/b/?Encryption",
        "/b/?foo",
        "/b/?response-content-type=text/plain&security-token=t&continuation-token=c"
      })
  void routesABucketGetWithoutAServedSubResourceToThePlainRow(String uri) {
    assertThat(route("GET", uri, BUCKET)).isSameAs(LIST_OBJECTS);
  }

  @Test
  void takesTheFirstServedSubResourceInWireOrder() {
    assertThat(route("GET", "/b/?acl&encryption", BUCKET)).isSameAs(GET_ACL);
    assertThat(route("GET", "/b/?encryption&acl", BUCKET)).isSameAs(GET_ENCRYPTION);
  }

  @Test
  void answersAnotherMethodOnAServedSubResourceWith405() {
    OssException error = refusal("POST", "/b/?encryption", BUCKET);
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.METHOD_NOT_ALLOWED);
    assertThat(error.status()).isEqualTo(405);
    assertThat(error.getMessage())
        .isEqualTo("The specified method is not allowed against this resource.");
    assertThat(error.headers()).containsExactly(Map.entry("Allow", "PUT, GET, DELETE"));
    assertThat(error.extras())
        .containsExactly(Map.entry("Method", "POST"), Map.entry("ResourceType", "BUCKET"));
  }

  @Test
  void answersANonOssMethodWith405ListingTheShapesMethods() {
    OssException onBucket = refusal("PATCH", "/b/", BUCKET);
    assertThat(onBucket.errorCode()).isEqualTo(OssErrorCode.METHOD_NOT_ALLOWED);
    assertThat(onBucket.headers()).containsEntry("Allow", "PUT, GET");
    assertThat(onBucket.extras())
        .containsEntry("Method", "PATCH")
        .containsEntry("ResourceType", "BUCKET");

    OssException onObject = refusal("OPTIONS", "/b/k", OBJECT);
    assertThat(onObject.headers()).containsEntry("Allow", "GET");
    assertThat(onObject.extras()).containsEntry("ResourceType", "OBJECT");
  }

  @Test
  void answersANonOssMethodWithoutAnyRowWithTheGenericAllowList() {
    OssException error = refusal("PATCH", "/b/k?uploadId=1", OBJECT);
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.METHOD_NOT_ALLOWED);
    assertThat(error.headers()).containsEntry("Allow", "GET, DELETE, HEAD, PUT, POST");
  }

  @Test
  void answersAnotherMethodOnTheServiceWith405() {
    OssException error = refusal("DELETE", "/", SERVICE);
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.METHOD_NOT_ALLOWED);
    assertThat(error.headers()).containsEntry("Allow", "GET");
    assertThat(error.extras()).containsEntry("ResourceType", "SERVICE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/b/?lifecycle", "/b/?cors", "/b/?website&prefix=a", "/b/?tagging"})
  void answersAnUnservedOssSubResourceWith501InsteadOfThePlainRow(String uri) {
    OssException error = refusal("GET", uri, BUCKET);
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.NOT_IMPLEMENTED);
    assertThat(error.status()).isEqualTo(501);
    assertThat(error.headers()).isEmpty();
    assertThat(error.extras())
        .containsExactly(Map.entry("Method", "GET"), Map.entry("ResourceType", "BUCKET"));
  }

  @Test
  void answersAnOssMethodWithoutARowOnAPlainShapeWith501() {
    assertThat(refusal("POST", "/b/", BUCKET).errorCode()).isEqualTo(OssErrorCode.NOT_IMPLEMENTED);
    assertThat(refusal("DELETE", "/b/k", OBJECT).errorCode())
        .isEqualTo(OssErrorCode.NOT_IMPLEMENTED);
    assertThat(refusal("GET", "/b/k?x-oss-process=image/resize", OBJECT).errorCode())
        .isEqualTo(OssErrorCode.NOT_IMPLEMENTED);
  }
}
