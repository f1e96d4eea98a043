package dev.ossemu.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading request documents and writing response documents (spec §0). */
class XmlCodecTest {
  private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  private final XmlCodec xml = new XmlCodec();

  private String write(Object document) {
    return new String(xml.write(document), StandardCharsets.UTF_8);
  }

  private CreateBucketConfiguration readConfiguration(String body) {
    return xml.read(
        body.getBytes(StandardCharsets.UTF_8),
        CreateBucketConfiguration.ROOT,
        CreateBucketConfiguration.class);
  }

  private OssException refusal(String body) {
    OssException error = catchThrowableOfType(OssException.class, () -> readConfiguration(body));
    assertThat(error).as(body).isNotNull();
    return error;
  }

  @Test
  void writesTheOssDeclarationFirstAndNoNamespace() {
    String document =
        write(
            new ServerSideEncryptionRule(
                new ServerSideEncryptionRule.ApplyServerSideEncryptionByDefault(
                    "KMS", "k", "SM4")));
    assertThat(document)
        .isEqualTo(
            DECLARATION
                + "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>"
                + "<SSEAlgorithm>KMS</SSEAlgorithm><KMSMasterKeyID>k</KMSMasterKeyID>"
                + "<KMSDataEncryption>SM4</KMSDataEncryption>"
                + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>")
        .doesNotContain("xmlns");
  }

  @Test
  void leavesNullElementsOut() {
    assertThat(
            write(
                new ServerSideEncryptionRule(
                    new ServerSideEncryptionRule.ApplyServerSideEncryptionByDefault(
                        "AES256", null, null))))
        .isEqualTo(
            DECLARATION
                + "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>"
                + "<SSEAlgorithm>AES256</SSEAlgorithm>"
                + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>");
  }

  @Test
  void writesUtf8() {
    byte[] bytes = xml.write(new LocationConstraint("区域"));
    assertThat(bytes)
        .isEqualTo(
            (DECLARATION + "<LocationConstraint>区域</LocationConstraint>")
                .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void writesTheListBucketsElementsInTheSpecsOrder() {
    ListAllMyBucketsResult result =
        new ListAllMyBucketsResult(
            "p",
            "m",
            1,
            true,
            "n",
            new Owner("1", "1"),
            List.of(
                new ListAllMyBucketsResult.BucketSummary(
                    "d", "e", "i", "l", "n", "r", "Standard", "rg-x")));
    assertThat(write(result))
        .isEqualTo(
            DECLARATION
                + "<ListAllMyBucketsResult><Prefix>p</Prefix><Marker>m</Marker>"
                + "<MaxKeys>1</MaxKeys><IsTruncated>true</IsTruncated><NextMarker>n</NextMarker>"
                + "<Owner><ID>1</ID><DisplayName>1</DisplayName></Owner><Buckets><Bucket>"
                + "<CreationDate>d</CreationDate><ExtranetEndpoint>e</ExtranetEndpoint>"
                + "<IntranetEndpoint>i</IntranetEndpoint><Location>l</Location><Name>n</Name>"
                + "<Region>r</Region><StorageClass>Standard</StorageClass>"
                + "<ResourceGroupId>rg-x</ResourceGroupId></Bucket></Buckets>"
                + "</ListAllMyBucketsResult>");
  }

  @Test
  void writesAFlatDocumentInTheMapsOrder() {
    Map<String, String> elements = new LinkedHashMap<>();
    elements.put("Code", "C");
    elements.put("Zed", "<&>");
    elements.put("Alpha", "");
    assertThat(new String(xml.writeFlat("Error", elements), StandardCharsets.UTF_8))
        .isEqualTo(
            DECLARATION + "<Error><Code>C</Code><Zed>&lt;&amp;></Zed><Alpha></Alpha></Error>");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<?xml version='1.0' encoding='utf-8'?>\n",
        "\n  "
      })
  void readsWithOrWithoutADeclaration(String prefix) {
    assertThat(
            readConfiguration(
                prefix
                    + "<CreateBucketConfiguration><StorageClass>IA</StorageClass>"
                    + "</CreateBucketConfiguration>"))
        .isEqualTo(new CreateBucketConfiguration("IA", null, null));
  }

  @Test
  void ignoresUnknownChildren() {
    assertThat(
            readConfiguration(
                "<CreateBucketConfiguration><LocationConstraint>oss-cn-beijing"
                    + "</LocationConstraint><XCType>x</XCType><Nested><A>1</A></Nested>"
                    + "<DataRedundancyType>ZRS</DataRedundancyType></CreateBucketConfiguration>"))
        .isEqualTo(new CreateBucketConfiguration(null, "ZRS", "oss-cn-beijing"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "plain",
        "<CreateBucketConfiguration>",
        "<CreateBucketConfiguration></Other>",
        "<Other><StorageClass>IA</StorageClass></Other>",
        "<createbucketconfiguration/>",
        "<CreateBucketConfiguration/>junk",
        "<CreateBucketConfiguration/><CreateBucketConfiguration/>",
        "<!DOCTYPE CreateBucketConfiguration><CreateBucketConfiguration/>",
        "<CreateBucketConfiguration><StorageClass>&unknown;</StorageClass>"
            + "</CreateBucketConfiguration>",
        "<?xml version=\"1.0\"?><?xml version=\"1.0\"?><CreateBucketConfiguration/>"
      })
  void refusesAnythingButOneWellFormedDocumentWithTheExpectedRoot(String body) {
    OssException error = refusal(body);
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.MALFORMED_XML);
    assertThat(error.status()).isEqualTo(400);
  }

  @Test
  void refusesEntityExpansionQuickly() {
    StringBuilder body = new StringBuilder("<!DOCTYPE r [<!ENTITY a0 \"xxxxxxxxxx\">");
    for (int i = 1; i < 12; i++) {
      body.append("<!ENTITY a").append(i).append(" \"");
      body.append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
    }
    body.append("]><CreateBucketConfiguration><StorageClass>&a11;</StorageClass>");
    body.append("</CreateBucketConfiguration>");
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () ->
            assertThat(refusal(body.toString()).errorCode()).isEqualTo(OssErrorCode.MALFORMED_XML));
  }

  @Test
  void readsTheRuleRecordWithEmptyElementsAsEmptyStrings() {
    ServerSideEncryptionRule rule =
        xml.read(
            ("<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>"
                    + "<SSEAlgorithm>AES256</SSEAlgorithm><KMSMasterKeyID></KMSMasterKeyID>"
                    + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>")
                .getBytes(StandardCharsets.UTF_8),
            ServerSideEncryptionRule.ROOT,
            ServerSideEncryptionRule.class);
    assertThat(rule.applyServerSideEncryptionByDefault())
        .isEqualTo(
            new ServerSideEncryptionRule.ApplyServerSideEncryptionByDefault("AES256", "", null));
  }
}
