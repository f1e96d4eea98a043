package dev.ossemu.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.error.OssException;
import dev.ossemu.xml.ServerSideEncryptionRule.ApplyServerSideEncryptionByDefault;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written rule reader and the flat writers against the guarded Jackson mapping they
 * replace: the same value or the same MalformedXML for every document, the same bytes for every
 * answer.
 */
class EncryptionRuleXmlTest {
  private static final String RULE =
      "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>"
          + "<SSEAlgorithm>KMS</SSEAlgorithm><KMSMasterKeyID>key-1</KMSMasterKeyID>"
          + "<KMSDataEncryption>SM4</KMSDataEncryption>"
          + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>";

  private static final String BY = "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>";
  private static final String END =
      "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>";

  private final XmlCodec codec = new XmlCodec();

  @ParameterizedTest(name = "[{index}]")
  @ValueSource(
      strings = {
        RULE,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + RULE,
        "<?xml version='1.0' encoding='utf-8'?><!-- c --><?pi x?>\n " + RULE + "<!-- after -->\n",
        "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256"
            + "</SSEAlgorithm><KMSMasterKeyID></KMSMasterKeyID>"
            + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>",
        "<ServerSideEncryptionRule>\n  <ApplyServerSideEncryptionByDefault>\n    <SSEAlgorithm>"
            + " SM4 </SSEAlgorithm>\n  </ApplyServerSideEncryptionByDefault>\n"
            + "</ServerSideEncryptionRule>",
        "<ServerSideEncryptionRule><Other><Deep>x</Deep></Other>"
            + "<ApplyServerSideEncryptionByDefault a='1'><Unknown/><SSEAlgorithm>A&amp;B"
            + "<![CDATA[<c>]]><!-- x --></SSEAlgorithm></ApplyServerSideEncryptionByDefault>"
            + "</ServerSideEncryptionRule>",
        "<ServerSideEncryptionRule xmlns=\"http://doc.oss-cn-hangzhou.aliyuncs.com\">"
            + "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS</SSEAlgorithm>"
            + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>",
        "<ServerSideEncryptionRule/>",
        "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault/></ServerSideEncryptionRule>",
        "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm/>"
            + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>",
        "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS"
            + "</SSEAlgorithm><SSEAlgorithm>SM4</SSEAlgorithm>"
            + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>",
        "<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS</SSEAlgorithm>"
            + "</ApplyServerSideEncryptionByDefault></Rule>",
        "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS",
        RULE + "<ServerSideEncryptionRule/>",
        RULE + "garbage",
        "<!DOCTYPE ServerSideEncryptionRule>" + RULE,
        "<!DOCTYPE r [<!ENTITY e \"KMS\">]><ServerSideEncryptionRule>"
            + "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>&e;</SSEAlgorithm>"
            + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>",
        "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>&e;"
            + "</SSEAlgorithm></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>",
        "",
        "not xml",
        // Jackson's mixed content: a string keeps its last non-space run beside child elements
        BY + "<SSEAlgorithm>a<X/>b<Y/>c</SSEAlgorithm>" + END,
        BY + "<SSEAlgorithm> a <X>in</X> b <!-- c --> </SSEAlgorithm>" + END,
        BY + "<SSEAlgorithm>a<X/>&#x20;&#x1;</SSEAlgorithm>" + END,
        BY + "<SSEAlgorithm><X><Y/></X></SSEAlgorithm>" + END,
        BY + "<SSEAlgorithm>a<?p?>b<X/><![CDATA[ ]]></SSEAlgorithm>" + END,
        BY + " x " + END,
        BY + "&#x1;" + END,
        BY + "x<SSEAlgorithm>KMS</SSEAlgorithm>y" + END,
        "<ServerSideEncryptionRule>x</ServerSideEncryptionRule>",
        // readSingular's guards, at any depth, in skipped elements too
        BY + "<Other><A/><A/></Other><SSEAlgorithm>KMS</SSEAlgorithm>" + END,
        BY + "<Other><A b='1'/></Other><SSEAlgorithm>KMS</SSEAlgorithm>" + END,
        BY
            + "<SSEAlgorithm>KMS</SSEAlgorithm><p:SSEAlgorithm xmlns:p='urn:p'>SM4</p:SSEAlgorithm>"
            + END,
        "<ServerSideEncryptionRule a='1'/>",
        BY + "<Other>]]></Other><SSEAlgorithm>KMS</SSEAlgorithm>" + END,
        " \r\n\t" + RULE,
        BY + "<SSEAlgorithm>K\u0001MS</SSEAlgorithm>" + END,
        "<!-- \u0001 -->" + RULE,
        RULE + "\u0002",
      })
  void readsWhatTheMappingRead(String document) {
    assertSameReading(document.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void agreesWithTheMappingOnMutatedDocuments() {
    SplittableRandom random = new SplittableRandom(15);
    String alphabet = "<>/&;!?=\"' xSKAEM";
    for (int i = 0; i < 3000; i++) {
      StringBuilder text = new StringBuilder(RULE);
      for (int k = random.nextInt(1, 3); k > 0; k--) {
        int at = random.nextInt(text.length());
        if (random.nextBoolean()) {
          text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
        } else {
          text.deleteCharAt(at);
        }
      }
      assertSameReading(text.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"AES256", "KMS", "a<b&c>d]]>e", "cr\rlf\ntab\t", "é中😀", ""})
  void writesTheRuleAsTheMapperDid(String value) {
    ServerSideEncryptionRule rule =
        new ServerSideEncryptionRule(new ApplyServerSideEncryptionByDefault(value, value, null));
    assertThat(new String(codec.writeEncryptionRule(rule), StandardCharsets.UTF_8))
        .isEqualTo(new String(codec.write(rule), StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {"plain", "a<b&c>d]]>e", "cr\rlf\ntab\t", "é中😀", "", "nul\u0000", "\ud800"})
  void writesFlatDocumentsAsTheMapperDid(String value) throws Exception {
    Map<String, String> elements = new LinkedHashMap<>();
    elements.put("Code", "AccessDenied");
    elements.put("Message", value);
    elements.put("HostId", "");
    elements.put("Skipped", null);
    byte[] fast = XmlText.flat("Error", elements);
    if (fast != null) {
      // Error documents are written by the plain (XML 1.0) mapper.
      com.fasterxml.jackson.dataformat.xml.XmlMapper plain =
          new com.fasterxml.jackson.dataformat.xml.XmlMapper();
      plain.setDefaultPropertyInclusion(
          com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
      String mapped =
          XmlCodec.DECLARATION_TEXT
              + new String(
                  plain.writer().withRootName("Error").writeValueAsBytes(elements),
                  StandardCharsets.UTF_8);
      assertThat(new String(fast, StandardCharsets.UTF_8))
          .isEqualTo(mapped)
          .doesNotContain("Skipped");
    } else {
      // Left to Jackson, which refuses these characters as it always did.
      assertThat(value).matches("(?s).*[\\u0000-\\u0008\\ud800-\\udfff].*");
    }
  }

  /** The mapper's own output for a flat map, without the fast path in front of it. */
  @com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement(localName = "Flat")
  record Flat(@com.fasterxml.jackson.annotation.JsonAnyGetter Map<String, String> elements) {}

  private void assertSameReading(byte[] body) {
    Object fast = outcome(() -> codec.readEncryptionRule(body));
    Object mapped =
        outcome(
            () ->
                codec.readSingular(
                    body, ServerSideEncryptionRule.ROOT, ServerSideEncryptionRule.class));
    assertThat(fast).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(mapped);
  }

  private static Object outcome(java.util.function.Supplier<ServerSideEncryptionRule> read) {
    try {
      return read.get();
    } catch (OssException e) {
      return e.code();
    }
  }
}
