package dev.ossemu.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lenient where OSS accepts, strict where validation depends on it (issue 14 item 15). */
class XmlLeniencyTest {
  private static final String RULE =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ServerSideEncryptionRule>"
          + "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
          + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>";

  private final XmlCodec xml = new XmlCodec();

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private ServerSideEncryptionRule rule(String document) {
    return xml.readSingular(
        utf8(document), ServerSideEncryptionRule.ROOT, ServerSideEncryptionRule.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "\n", "\r\n  ", "\t \n"})
  void acceptsWhitespaceBeforeTheDeclaration(String whitespace) {
    assertThat(rule(whitespace + RULE).applyServerSideEncryptionByDefault().sseAlgorithm())
        .isEqualTo("AES256");
  }

  @org.junit.jupiter.api.Test
  void acceptsCharacterReferencesToControlCharacters() {
    // GO1 sends <Key>&#x0C;</Key> for a key holding a form feed (issue 14 item 6).
    assertThat(key("&#x0C;")).isEqualTo("\f");
    assertThat(key("&#12;")).isEqualTo("\f");
    assertThat(key("a&#x0B;b&#x1;")).isEqualTo("a\u000bb\u0001");
    assertThat(key("k&#x0A;&#x0D;")).isEqualTo("k\n\r");
  }

  private String key(String text) {
    DeleteRequest delete =
        xml.read(
            utf8("<Delete><Object><Key>" + text + "</Key></Object></Delete>"),
            DeleteRequest.ROOT,
            DeleteRequest.class);
    return delete.objects().get(0).key();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // a repeated algorithm: Jackson would keep the last
        "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>"
            + "<SSEAlgorithm>KMS</SSEAlgorithm><SSEAlgorithm>AES256</SSEAlgorithm>"
            + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>",
        // the value as an attribute: Jackson would read it as the element
        "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault SSEAlgorithm=\"AES256\"/>"
            + "</ServerSideEncryptionRule>",
        "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>"
            + "<SSEAlgorithm a=\"1\">AES256</SSEAlgorithm>"
            + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>",
        // two default blocks
        "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>"
            + "<SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault>"
            + "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS</SSEAlgorithm>"
            + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>"
      })
  void refusesWhatTheRuleValidationCannotReadUnambiguously(String document) {
    OssException refused = catchThrowableOfType(OssException.class, () -> rule(document));
    assertThat(refused).isNotNull();
    assertThat(refused.errorCode()).isEqualTo(OssErrorCode.MALFORMED_XML);
  }
}
