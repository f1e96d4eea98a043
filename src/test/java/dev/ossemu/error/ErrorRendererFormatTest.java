package dev.ossemu.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.request.Headers;
import dev.ossemu.request.OssRequest;
import dev.ossemu.request.OssResponse;
import dev.ossemu.xml.XmlCodec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The {@code <Error>} document and its headers (spec §9.2). */
class ErrorRendererFormatTest {
  private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  private static final String REQUEST_ID = "5C3D9175B6FC201293AD0000";
  private static final String HOST = "examplebucket.oss-cn-hangzhou.aliyuncs.com";

  private final ErrorRenderer renderer = new ErrorRenderer(new XmlCodec());

  private static String text(OssResponse response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static OssRequest request(String method) {
    return OssRequest.of(
        REQUEST_ID, method, "/?encryption", new Headers().add("Host", HOST), new byte[0]);
  }

  @Test
  void writesCodeMessageRequestIdHostIdTheExtrasThenEc() {
    OssResponse response =
        renderer.render(OssException.noSuchBucket("examplebucket"), REQUEST_ID, HOST, false);

    assertThat(response.status()).isEqualTo(404);
    assertThat(text(response))
        .isEqualTo(
            DECLARATION
                + "<Error><Code>NoSuchBucket</Code>"
                + "<Message>The specified bucket does not exist.</Message>"
                + "<RequestId>5C3D9175B6FC201293AD0000</RequestId>"
                + "<HostId>examplebucket.oss-cn-hangzhou.aliyuncs.com</HostId>"
                + "<BucketName>examplebucket</BucketName>"
                + "<EC>0015-00000101</EC></Error>");
    assertThat(response.headers())
        .containsEntry("Content-Type", "application/xml")
        .containsEntry("x-oss-ec", "0015-00000101");
    assertThat(response.contentLength()).isEqualTo(response.body().length);
  }

  @Test
  void keepsTheExtrasInTheOrderTheyWereAdded() {
    OssException error =
        OssException.of(OssErrorCode.INVALID_ARGUMENT)
            .message("m")
            .ec("0005-00000204")
            .extra("Zeta", "1")
            .extra("Alpha", "2")
            .extra("Mu", "3")
            .build();
    assertThat(text(renderer.render(error, "ID", "h", false)))
        .isEqualTo(
            DECLARATION
                + "<Error><Code>InvalidArgument</Code><Message>m</Message><RequestId>ID</RequestId>"
                + "<HostId>h</HostId><Zeta>1</Zeta><Alpha>2</Alpha><Mu>3</Mu>"
                + "<EC>0005-00000204</EC></Error>");
  }

  @Test
  void takesRequestIdAndHostFromTheRequest() {
    OssResponse response = renderer.render(OssException.malformedXml(), request("PUT"));
    assertThat(text(response))
        .contains("<RequestId>" + REQUEST_ID + "</RequestId><HostId>" + HOST + "</HostId>");
    assertThat(response.body()).isNotEmpty();
  }

  @Test
  void leavesOutEcElementAndHeaderWhenThereIsNoEc() {
    OssResponse response =
        renderer.render(
            OssException.of(OssErrorCode.NO_SUCH_BUCKET).ec(null).build(), "I", "h", false);
    assertThat(text(response)).doesNotContain("<EC>").endsWith("<HostId>h</HostId></Error>");
    assertThat(response.headers()).doesNotContainKey("x-oss-ec");
  }

  @Test
  void reportsAnOverriddenEcInBodyAndHeader() {
    OssResponse response =
        renderer.render(
            OssException.of(OssErrorCode.INVALID_DIGEST).ec("0017-00000503").build(),
            "I",
            "h",
            false);
    assertThat(text(response)).contains("<EC>0017-00000503</EC></Error>");
    assertThat(response.headers()).containsEntry("x-oss-ec", "0017-00000503");
    assertThat(response.status()).isEqualTo(400);
  }

  @Test
  void answersHeadWithoutABodyButWithTheDocumentInXOssErr() {
    OssException error = OssException.accessDenied("The bucket you access does not belong to you.");
    OssResponse get = renderer.render(error, request("GET"));
    OssResponse head = renderer.render(error, request("HEAD"));

    assertThat(head.status()).isEqualTo(403);
    assertThat(head.body()).isEmpty();
    assertThat(head.contentLength()).isZero();
    assertThat(head.headers()).containsEntry("x-oss-ec", "0003-00000001");
    assertThat(Base64.getDecoder().decode(head.headers().get("x-oss-err")))
        .isEqualTo(get.body())
        .isNotEmpty();
    assertThat(get.headers()).doesNotContainKey("x-oss-err");
  }

  @Test
  void copiesTheErrorsOwnHeaders() {
    OssException error =
        OssException.of(OssErrorCode.METHOD_NOT_ALLOWED)
            .extra("Method", "PATCH")
            .extra("ResourceType", "BUCKET")
            .header("Allow", "GET, PUT")
            .build();
    OssResponse response = renderer.render(error, "I", "h", false);
    assertThat(response.status()).isEqualTo(405);
    assertThat(response.headers()).containsEntry("Allow", "GET, PUT");
    assertThat(text(response))
        .contains("<HostId>h</HostId><Method>PATCH</Method><ResourceType>BUCKET</ResourceType>");
    assertThat(renderer.render(error, "I", "h", true).headers()).containsEntry("Allow", "GET, PUT");
  }

  @Test
  void escapesMarkupInMessagesAndExtras() throws Exception {
    OssException error =
        OssException.of(OssErrorCode.SIGNATURE_DOES_NOT_MATCH)
            .message("a < b & c > d \"q\"")
            .extra("StringToSign", "GET\n\n\n<&>]]>\n/b/?acl&encryption")
            .build();
    String xml = text(renderer.render(error, "I", "h<&>", false));

    assertThat(xml)
        .contains("<Message>a &lt; b &amp; c")
        .contains("/b/?acl&amp;encryption")
        .doesNotContain("<&>");
    Element root =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
            .getDocumentElement();
    assertThat(root.getElementsByTagName("Message").item(0).getTextContent())
        .isEqualTo("a < b & c > d \"q\"");
    assertThat(root.getElementsByTagName("StringToSign").item(0).getTextContent())
        .isEqualTo("GET\n\n\n<&>]]>\n/b/?acl&encryption");
    assertThat(root.getElementsByTagName("HostId").item(0).getTextContent()).isEqualTo("h<&>");
  }

  @Test
  void writesNoNamespaceAndStartsWithTheDeclaration() {
    String xml = text(renderer.render(OssException.malformedXml(), "I", "h", false));
    assertThat(xml).startsWith(DECLARATION + "<Error>").doesNotContain("xmlns");
  }

  @Test
  void rendersAnInjectedErrorWithTheUsersStatusAndCode() {
    OssResponse response =
        renderer.render(OssException.injected(503, "SlowDown", "Please reduce."), "I", "h", false);
    assertThat(response.status()).isEqualTo(503);
    assertThat(text(response))
        .isEqualTo(
            DECLARATION
                + "<Error><Code>SlowDown</Code><Message>Please reduce.</Message>"
                + "<RequestId>I</RequestId><HostId>h</HostId></Error>");
    assertThat(response.headers()).doesNotContainKey("x-oss-ec");
  }
}
