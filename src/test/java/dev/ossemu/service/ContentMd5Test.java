package dev.ossemu.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossemu.blob.Blob;
import dev.ossemu.blob.BlobBuilder;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.Headers;
import dev.ossemu.request.OssRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The optional Content-MD5 check (spec §1, §9.3). */
class ContentMd5Test {
  private static final byte[] BODY = "<ServerSideEncryptionRule/>".getBytes(StandardCharsets.UTF_8);

  private static String md5(byte[] bytes) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
  }

  private static OssRequest request(String method, String contentMd5, byte[] body) {
    Headers headers = new Headers();
    if (contentMd5 != null) {
      headers.add("Content-MD5", contentMd5);
    }
    return OssRequest.of("id", method, "/b/?encryption", headers, body);
  }

  private static OssException refusal(OssRequest request) {
    OssException error = catchThrowableOfType(OssException.class, () -> ContentMd5.check(request));
    assertThat(error).isNotNull();
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_DIGEST);
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.getMessage()).isEqualTo("The Content-MD5 you specified was invalid.");
    return error;
  }

  @Test
  void acceptsARequestWithoutContentMd5() {
    assertThatCode(() -> ContentMd5.check(request("PUT", null, BODY))).doesNotThrowAnyException();
  }

  @Test
  void acceptsTheMd5OfTheBodyEvenWithSurroundingSpaces() throws Exception {
    assertThatCode(() -> ContentMd5.check(request("PUT", md5(BODY), BODY)))
        .doesNotThrowAnyException();
    assertThatCode(() -> ContentMd5.check(request("PUT", " " + md5(BODY) + " ", BODY)))
        .doesNotThrowAnyException();
  }

  @Test
  void acceptsTheMd5OfAnEmptyBodyOnGetAndDelete() {
    for (String method : new String[] {"GET", "DELETE"}) {
      assertThatCode(
              () -> ContentMd5.check(request(method, "1B2M2Y8AsgTpgAmY7PhCfg==", new byte[0])))
          .as(method)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void refusesAnotherBodysMd5WithEc503() throws Exception {
    assertThat(refusal(request("PUT", md5("other".getBytes(StandardCharsets.UTF_8)), BODY)).ec())
        .isEqualTo("0017-00000503");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "HEAD", "DELETE"})
  void leavesTheHeaderOfARequestWithoutABodyToTheSignature(String method) throws Exception {
    // A signed GET carrying the MD5 of some other content, or no MD5 at all: not checked against
    // the empty body (issue 14 item 12).
    assertThatCode(() -> ContentMd5.check(request(method, md5(BODY), new byte[0])))
        .doesNotThrowAnyException();
    assertThatCode(() -> ContentMd5.check(request(method, "not base64!", new byte[0])))
        .doesNotThrowAnyException();
  }

  @Test
  void stillChecksAnEmptyUploadAgainstItsMd5() throws Exception {
    assertThat(refusal(request("PUT", md5(BODY), new byte[0])).ec()).isEqualTo("0017-00000503");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "not base64!", "AAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAA=="})
  void refusesAValueThatIsNotBase64OfSixteenBytesWithEc502(String header) {
    assertThat(refusal(request("PUT", header, BODY)).ec()).isEqualTo("0017-00000502");
  }

  @Test
  void checksAnUploadAgainstTheUploadNotTheSmallBody() throws Exception {
    BlobBuilder builder = new BlobBuilder(null);
    builder.append(BODY);
    Blob upload = builder.build();
    Headers good = new Headers().add("Content-MD5", md5(BODY));
    assertThatCode(
            () -> ContentMd5.check(OssRequest.of("id", "PUT", "/b/k", good, new byte[0], upload)))
        .doesNotThrowAnyException();

    Headers empty = new Headers().add("Content-MD5", md5(new byte[0]));
    assertThat(refusal(OssRequest.of("id", "PUT", "/b/k", empty, new byte[0], upload)).ec())
        .isEqualTo("0017-00000503");
  }

  @Test
  void eachRequestIsJudgedByItsOwnHeaderAndBytes() throws Exception {
    byte[] body = BODY.clone();
    String header = md5(body);
    assertThatCode(() -> ContentMd5.check(request("PUT", header, body))).doesNotThrowAnyException();
    // The same header with other bytes, of another length or the same, is still checked.
    assertThat(refusal(request("PUT", header, "other".getBytes(StandardCharsets.UTF_8))).ec())
        .isEqualTo("0017-00000503");
    byte[] sameLength = body.clone();
    sameLength[1] ^= 1;
    assertThat(refusal(request("PUT", header, sameLength)).ec()).isEqualTo("0017-00000503");
    // A body that matched once and changed since is refused.
    assertThatCode(() -> ContentMd5.check(request("PUT", header, body))).doesNotThrowAnyException();
    body[1] ^= 1;
    assertThat(refusal(request("PUT", header, body)).ec()).isEqualTo("0017-00000503");
    // And the same bytes under another header are judged by that header.
    assertThatCode(() -> ContentMd5.check(request("PUT", header, BODY))).doesNotThrowAnyException();
    assertThat(refusal(request("PUT", md5(new byte[0]), BODY)).ec()).isEqualTo("0017-00000503");
    assertThat(refusal(request("PUT", "not base64!", BODY)).ec()).isEqualTo("0017-00000502");
  }
}
