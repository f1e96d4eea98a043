package dev.ossemu.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.request.OssResponse;
import dev.ossemu.xml.XmlCodec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The one writer of {@code <Error>} (spec §9.2). */
class ErrorRendererTest {
  private final ErrorRenderer renderer = new ErrorRenderer(new XmlCodec());

  @Test
  void writesCodeMessageRequestIdHostIdExtrasThenEc() {
    OssException error =
        OssException.of(OssErrorCode.SIGNATURE_DOES_NOT_MATCH)
            .extra("OSSAccessKeyId", "ak")
            .extra("StringToSign", "GET\n<&>")
            .build();
    OssResponse response = renderer.render(error, "5C1B138A109F4E405B2D8AEF", "b.localhost", false);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.headers())
        .containsEntry("Content-Type", "application/xml")
        .containsEntry("x-oss-ec", "0002-00000040");
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SignatureDoesNotMatch</Code>"
                + "<Message>The request signature we calculated does not match the signature you"
                + " provided. Check your key and signing method.</Message>"
                + "<RequestId>5C1B138A109F4E405B2D8AEF</RequestId><HostId>b.localhost</HostId>"
                + "<OSSAccessKeyId>ak</OSSAccessKeyId><StringToSign>GET\n&lt;&amp;></StringToSign>"
                + "<EC>0002-00000040</EC></Error>");
  }

  @Test
  void putsTheErrorOfAHeadRequestBase64EncodedInXOssErr() {
    OssResponse get = renderer.render(OssException.noSuchBucket("b"), "ID", "host", false);
    OssResponse head = renderer.render(OssException.noSuchBucket("b"), "ID", "host", true);

    assertThat(head.body()).isEmpty();
    assertThat(head.contentLength()).isZero();
    assertThat(Base64.getDecoder().decode(head.headers().get("x-oss-err"))).isEqualTo(get.body());
    assertThat(head.headers()).containsEntry("x-oss-ec", "0015-00000101");
  }

  @Test
  void leavesOutTheEcWhereNoneIsKnown() {
    OssResponse response = renderer.render(OssException.malformedXml(), "ID", "host", false);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("<EC>");
    assertThat(response.headers()).doesNotContainKey("x-oss-ec");
  }

  @Test
  void rendersInjectedErrorsLikeAnyOther() {
    OssResponse response =
        renderer.render(OssException.injected(503, "ServiceUnavailable", "busy"), "ID", "h", false);
    assertThat(response.status()).isEqualTo(503);
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .contains("<Code>ServiceUnavailable</Code><Message>busy</Message>");
  }
}
