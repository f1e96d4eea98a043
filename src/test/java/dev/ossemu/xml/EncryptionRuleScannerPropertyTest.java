package dev.ossemu.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.error.OssException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The byte scanner against the StAX reader it stands in front of: for every generated document
 * {@link XmlCodec#readEncryptionRule} (scanner first) gives the same rule or the same OSS error as
 * the reader alone, and whatever the scanner accepts the reader reads to the same rule. Documents
 * are the SDKs' shape with the variations a client may send (declarations, whitespace, field order,
 * empty and spaced values) and, in half of them, the hazards the scanner must leave to the reader:
 * DOCTYPEs, entities, character references, CDATA, comments, namespaces, attributes, repeats,
 * strangers, control and non-ASCII bytes, oversize bodies, and random byte edits.
 */
class EncryptionRuleScannerPropertyTest {
  private static final String[] FIELDS = {"SSEAlgorithm", "KMSMasterKeyID", "KMSDataEncryption"};
  private static final String[] VALUES = {
    "AES256", "KMS", "SM4", "", " SM4 ", "key-1234-abcd", "a\"b'c", "x y", "AES256 ", "  "
  };
  private static final String[] HAZARD_VALUES = {
    "&amp;",
    "&e;",
    "&#x41;",
    "&#12;",
    "<![CDATA[KMS]]>",
    "<!-- c -->KMS",
    "KMS<?pi?>",
    "é中",
    "\u0001",
    "\u0000",
    "a\rb",
    "a\r\nb",
    "a\tb",
    "a\nb",
    "]]>",
    ">",
    "<",
    "&",
    "\u007f",
    "K<Other/>MS"
  };
  private static final String[] SPACES = {"", "", "", " ", "\n", "\r\n", "\t", "  \n  "};
  private static final String[] DECLARATIONS = {
    "",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
    "<?xml version=\"1.0\"?>"
  };
  private static final String[] HAZARD_PROLOGS = {
    "<?xml version='1.0'?>",
    "<?xml version=\"1.1\"?>",
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
    "<?xml version=\"1.0\" standalone=\"yes\"?>",
    "<?xml  version=\"1.0\"?>",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><?xml version=\"1.0\"?>",
    "\ufeff",
    "<!DOCTYPE ServerSideEncryptionRule>",
    "<!DOCTYPE r [<!ENTITY e \"KMS\">]>",
    "<!DOCTYPE r SYSTEM \"file:///etc/passwd\">",
    "<!-- c -->",
    "<?pi x?>",
    "\u0001",
    "x"
  };
  private static final String[] HAZARD_EPILOGS = {
    "<!-- after -->", "<?pi?>", "garbage", "<ServerSideEncryptionRule/>", "\u0001", "&#x41;", "<"
  };
  private static final String[] HAZARD_OPENS = {
    " xmlns=\"http://doc.oss.aliyuncs.com\"", " a=\"1\"", " ", "/"
  };
  private static final String EDITS = "<>/&;!=\"' \u0001\r\txSKé";

  private final XmlCodec codec = new XmlCodec();

  @Property(tries = 10000)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF) // a green build is quiet
  void answersAsTheStaxReaderDoes(@ForAll("documents") String document) {
    byte[] body = document.getBytes(StandardCharsets.UTF_8);
    Object reference = outcome(() -> codec.readEncryptionRuleWithStax(body));
    assertThat(outcome(() -> codec.readEncryptionRule(body)))
        .as("%s", document)
        .isEqualTo(reference);
    ServerSideEncryptionRule scanned = EncryptionRuleScanner.scan(body);
    if (scanned != null) {
      assertThat(scanned).as("%s", document).isEqualTo(reference);
    }
    String kind = scanned != null ? "scanned" : reference instanceof String ? "refused" : "read";
    Statistics.label("outcome").collect(kind);
    // Each path must be common, or the property proves little about it.
    Statistics.label("outcome")
        .coverage(
            coverage -> {
              coverage.check("scanned").percentage(p -> p > 25);
              coverage.check("read").percentage(p -> p > 5);
              coverage.check("refused").percentage(p -> p > 15);
            });
  }

  @Example
  void scansWhatTheSdksSend() {
    String java =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ServerSideEncryptionRule>\n"
            + "  <ApplyServerSideEncryptionByDefault>\n    <SSEAlgorithm>KMS</SSEAlgorithm>\n"
            + "    <KMSMasterKeyID></KMSMasterKeyID>\n    <KMSDataEncryption>SM4"
            + "</KMSDataEncryption>\n  </ApplyServerSideEncryptionByDefault>\n"
            + "</ServerSideEncryptionRule>";
    assertThat(EncryptionRuleScanner.scan(java.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(
            new ServerSideEncryptionRule(
                new ServerSideEncryptionRule.ApplyServerSideEncryptionByDefault("KMS", "", "SM4")));
    String bare =
        "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256"
            + "</SSEAlgorithm></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>";
    assertThat(EncryptionRuleScanner.scan(bare.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(
            new ServerSideEncryptionRule(
                new ServerSideEncryptionRule.ApplyServerSideEncryptionByDefault(
                    "AES256", null, null)));
  }

  @Example
  void leavesDoctypesEntitiesAndOversizeBodiesToTheReader() {
    String rule =
        "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>%s"
            + "</SSEAlgorithm></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>";
    for (String document :
        List.of(
            "<!DOCTYPE r [<!ENTITY e \"KMS\">]>" + rule.formatted("&e;"),
            "<!DOCTYPE ServerSideEncryptionRule>" + rule.formatted("KMS"),
            rule.formatted("&#x41;ES256"),
            rule.formatted("A".repeat(EncryptionRuleScanner.MAX_BYTES)))) {
      byte[] body = document.getBytes(StandardCharsets.UTF_8);
      assertThat(EncryptionRuleScanner.scan(body)).as(document).isNull();
      assertThat(outcome(() -> codec.readEncryptionRule(body)))
          .isEqualTo(outcome(() -> codec.readEncryptionRuleWithStax(body)));
    }
  }

  @Provide
  Arbitrary<String> documents() {
    return Arbitraries.randomValue(
        random -> new Generator(random, random.nextBoolean()).document());
  }

  private record Generator(Random random, boolean hazards) {
    String document() {
      StringBuilder out = new StringBuilder(space()).append(prolog()).append(space());
      open(out, "ServerSideEncryptionRule");
      out.append(space());
      if (risky(20)) {
        out.append("<Other>x</Other>").append(space());
      }
      for (int i = risky(15) ? 2 : chance(20) ? 0 : 1; i > 0; i--) {
        byDefault(out);
        out.append(space());
      }
      out.append("</ServerSideEncryptionRule>").append(space());
      if (risky(10)) {
        out.append(pick(HAZARD_EPILOGS));
      }
      if (risky(25)) {
        out.append(" ".repeat(EncryptionRuleScanner.MAX_BYTES)); // oversize, yet well-formed
      }
      for (int edits = risky(3) ? 1 + random.nextInt(3) : 0; edits > 0; edits--) {
        int at = random.nextInt(out.length() + 1);
        if (random.nextBoolean() && at < out.length()) {
          out.deleteCharAt(at);
        } else {
          out.insert(at, EDITS.charAt(random.nextInt(EDITS.length())));
        }
      }
      return out.toString();
    }

    private String prolog() {
      return risky(6) ? pick(HAZARD_PROLOGS) : pick(DECLARATIONS);
    }

    private void byDefault(StringBuilder out) {
      open(out, "ApplyServerSideEncryptionByDefault");
      List<String> fields = new ArrayList<>(List.of(FIELDS));
      Collections.shuffle(fields, random);
      fields = fields.subList(0, random.nextInt(FIELDS.length + 1));
      if (risky(12) && !fields.isEmpty()) {
        fields = new ArrayList<>(fields);
        fields.add(fields.get(0)); // a repeat
      }
      for (String field : fields) {
        out.append(space());
        if (risky(25)) {
          out.append("<Other>").append(value()).append("</Other>").append(space());
        }
        if (risky(25)) {
          out.append('<').append(field).append("/>");
          continue;
        }
        open(out, field);
        out.append(value());
        if (risky(25)) {
          out.append("<Other/>").append(value());
        }
        out.append("</").append(field).append(risky(40) ? " " : "").append('>');
      }
      out.append(space());
      if (risky(25)) {
        out.append(value()); // text beside the fields
      }
      out.append("</ApplyServerSideEncryptionByDefault>");
    }

    private void open(StringBuilder out, String name) {
      String prefix = risky(40) ? "p:" : "";
      out.append('<').append(prefix).append(name);
      if (!prefix.isEmpty()) {
        out.append(" xmlns:p=\"urn:p\"");
      }
      out.append(risky(20) ? pick(HAZARD_OPENS) : "").append('>');
    }

    private String value() {
      return risky(8) ? pick(HAZARD_VALUES) : pick(VALUES);
    }

    private String space() {
      return pick(SPACES);
    }

    /** True once in {@code odds}. */
    private boolean chance(int odds) {
      return random.nextInt(odds) == 0;
    }

    /** A hazard: true once in {@code odds} in a hazardous document, never in a plain one. */
    private boolean risky(int odds) {
      return hazards && chance(odds);
    }

    private String pick(String[] values) {
      return values[random.nextInt(values.length)];
    }
  }

  private static Object outcome(Supplier<ServerSideEncryptionRule> read) {
    try {
      return read.get();
    } catch (OssException e) {
      return e.code();
    }
  }
}
