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
import java.util.Set;
import org.junit.jupiter.api.Test;

/** First match wins; a known sub-resource with another method is 405, an unserved one 501. */
class RouterTest {
  private static final Router ROUTER =
      new Router(
          new Addressing(Set.of()),
          List.of(
              route("PUT", Shape.BUCKET, "encryption", "PutBucketEncryption"),
              route("GET", Shape.BUCKET, "encryption", "GetBucketEncryption"),
              route("GET", Shape.BUCKET, null, "ListObjects"),
              route("GET", Shape.OBJECT, null, "GetObject"),
              route("PUT", Shape.OBJECT, "uploadId", "UploadPart")));

  private static Route route(String method, Shape shape, String subResource, String action) {
    return Route.row(method, shape, subResource, action, call -> OssResponse.empty(200));
  }

  private static String action(String method, String uri, Target target) {
    return ROUTER
        .route(method, OssRequest.of("id", method, uri, new Headers(), new byte[0]).query(), target)
        .action();
  }

  private static OssException refusal(String method, String uri, Target target) {
    return catchThrowableOfType(OssException.class, () -> action(method, uri, target));
  }

  private static final Target BUCKET = new Target("b", "");
  private static final Target OBJECT = new Target("b", "k");

  @Test
  void selectsTheActionBySubResourceWithOrWithoutAnEmptyValue() {
    assertThat(action("PUT", "/b/?encryption", BUCKET)).isEqualTo("PutBucketEncryption");
    assertThat(action("GET", "/b/?encryption=", BUCKET)).isEqualTo("GetBucketEncryption");
    assertThat(action("GET", "/b/?prefix=a&foo=bar", BUCKET)).isEqualTo("ListObjects");
    assertThat(action("PUT", "/b/k?partNumber=1&uploadId=U", OBJECT)).isEqualTo("UploadPart");
    assertThat(action("GET", "/b/k?response-content-type=text/plain", OBJECT))
        .isEqualTo("GetObject");
  }

  @Test
  void answersAnotherMethodOnAServedSubResourceWith405() {
    OssException error = refusal("DELETE", "/b/?encryption", BUCKET);
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.METHOD_NOT_ALLOWED);
    assertThat(error.headers()).containsEntry("Allow", "PUT, GET");
    assertThat(error.extras())
        .containsEntry("Method", "DELETE")
        .containsEntry("ResourceType", "BUCKET");
    assertThat(refusal("PATCH", "/b/k", OBJECT).errorCode())
        .isEqualTo(OssErrorCode.METHOD_NOT_ALLOWED);
  }

  @Test
  void answersUnservedOssActionsWith501NotRoutingThemElsewhere() {
    assertThat(refusal("GET", "/b/?lifecycle", BUCKET).errorCode())
        .isEqualTo(OssErrorCode.NOT_IMPLEMENTED);
    assertThat(refusal("GET", "/b/k?x-oss-process=image", OBJECT).errorCode())
        .isEqualTo(OssErrorCode.NOT_IMPLEMENTED);
    assertThat(refusal("POST", "/b/", BUCKET).errorCode()).isEqualTo(OssErrorCode.NOT_IMPLEMENTED);
  }
}
