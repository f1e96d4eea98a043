package dev.ossemu.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.error.OssException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The one-pass rule reader against the guard scan plus Jackson mapping it replaces ({@link
 * XmlCodec#readSingular}): for every generated document both give the same rule or both answer
 * MalformedXML. Documents are built from the rule's own element names plus strangers, with
 * attributes, repeats, text of every kind XML offers, raw control bytes, prologs, epilogs,
 * DOCTYPEs, and then a few random byte edits.
 */
class EncryptionRuleReadingPropertyTest {
  private static final String[] NAMES = {
    "ServerSideEncryptionRule",
    "ApplyServerSideEncryptionByDefault",
    "SSEAlgorithm",
    "KMSMasterKeyID",
    "KMSDataEncryption",
    "Other",
    "p:SSEAlgorithm"
  };
  private static final String[] TEXTS = {
    "KMS",
    "AES256",
    " SM4 ",
    "",
    " ",
    "\n  ",
    "\t",
    "a&amp;b",
    "&lt;x&gt;",
    "&#x0C;",
    "&#12;",
    "&#x1;",
    "<![CDATA[<c>]]>",
    "<![CDATA[]]>",
    "<!-- c -->",
    "<?pi x?>",
    "&e;",
    "&amp;#x41;",
    "\u0001",
    "\u000b",
    "\u0000",
    "é中😀",
    "\r\n",
    "]]>",
    "&#xD800;",
    "&quot;&apos;",
    "x&#x20;"
  };
  private static final String[] PROLOGS = {
    "", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version='1.0'?>\n", " \r\n\t",
    " <?xml version=\"1.0\"?>", "<!-- c -->", "<?pi x?>\n", "<!DOCTYPE ServerSideEncryptionRule>",
    "<!DOCTYPE r [<!ENTITY e \"KMS\">]>", "\u0001", "\ufeff", "<?xml version=\"1.1\"?>"
  };
  private static final String[] EPILOGS = {
    "",
    "",
    "\n",
    "<!-- after -->",
    "<?pi?>",
    "garbage",
    "<ServerSideEncryptionRule/>",
    "\u0001",
    "<!-- \u0002 -->",
    "&#x41;",
    "<"
  };

  private static final String[] SAFE_TEXTS = {
    "KMS",
    "AES256",
    " SM4 ",
    "",
    " ",
    "\n  ",
    "a&amp;b",
    "&#x0C;",
    "<![CDATA[<c>]]>",
    "<!-- c -->",
    "\u0001",
    "é中😀",
    "\r\n",
    "x&#x20;",
    "SM4"
  };
  private static final String[] SAFE_ENDS = {"", "\n", "<!-- c -->", "<?pi x?>", " \r\n"};

  private static final String EDITS = "<>/&;!=\"' \u0001xSK";

  private final XmlCodec codec = new XmlCodec();

  @Property(tries = 5000)
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF) // a green build is quiet
  void readsAsTheGuardedMappingDoes(@ForAll("documents") String document) {
    byte[] body = document.getBytes(StandardCharsets.UTF_8);
    Object mapped =
        outcome(
            () ->
                codec.readSingular(
                    body, ServerSideEncryptionRule.ROOT, ServerSideEncryptionRule.class));
    assertThat(outcome(() -> codec.readEncryptionRule(body))).as("%s", document).isEqualTo(mapped);
    Statistics.label("outcome").collect(mapped instanceof String ? "refused" : "read");
    // Both kinds must be common, or the property proves little about the other one.
    Statistics.label("outcome")
        .coverage(
            coverage -> {
              coverage.check("read").percentage(p -> p > 25);
              coverage.check("refused").percentage(p -> p > 25);
            });
  }

  @Provide
  Arbitrary<String> documents() {
    return Arbitraries.randomValue(EncryptionRuleReadingPropertyTest::document);
  }

  /**
   * Half the documents are a rule with harmless variations (most of them read), half carry hazards
   * (most of them refused).
   */
  private static String document(Random random) {
    return new Generator(random, random.nextBoolean()).document();
  }

  private record Generator(Random random, boolean hazards) {
    String document() {
      StringBuilder out = new StringBuilder(pick(hazards ? PROLOGS : SAFE_ENDS));
      if (hazards && random.nextInt(4) == 0) {
        element(out, pick(NAMES), 0);
      } else {
        rule(out);
      }
      out.append(pick(hazards ? EPILOGS : SAFE_ENDS));
      for (int edits = hazards ? random.nextInt(5) - 2 : 0; edits > 0; edits--) {
        int at = random.nextInt(out.length() + 1);
        if (random.nextBoolean() && at < out.length()) {
          out.deleteCharAt(at);
        } else {
          out.insert(at, EDITS.charAt(random.nextInt(EDITS.length())));
        }
      }
      return out.toString();
    }

    /** A document close to a real rule, so that many survive to the mapping. */
    private void rule(StringBuilder out) {
      open(out, "ServerSideEncryptionRule");
      for (int i = chance(4) ? 2 : 1; i > 0; i--) {
        maybeStranger(out);
        open(out, "ApplyServerSideEncryptionByDefault");
        for (String field : new String[] {"SSEAlgorithm", "KMSMasterKeyID", "KMSDataEncryption"}) {
          int copies = random.nextInt(8);
          for (int c = copies == 0 ? 0 : copies == 7 && hazards ? 2 : 1; c > 0; c--) {
            maybeStranger(out);
            if (random.nextInt(10) == 0) {
              out.append('<').append(field).append("/>");
            } else {
              open(out, field);
              text(out, 2);
              if (random.nextInt(15) == 0) {
                element(out, pick(NAMES), 3);
                text(out, 2);
              }
              out.append("</").append(field).append('>');
            }
          }
        }
        text(out, 6);
        out.append("</ApplyServerSideEncryptionByDefault>");
      }
      maybeStranger(out);
      out.append("</ServerSideEncryptionRule>");
    }

    /** True once in {@code odds} with hazards, never without. */
    private boolean chance(int odds) {
      return hazards && random.nextInt(odds) == 0;
    }

    private void maybeStranger(StringBuilder out) {
      switch (random.nextInt(8)) {
        case 0 -> element(out, hazards ? pick(NAMES) : "Other", 2);
        case 1 -> text(out, 2);
        default -> {}
      }
    }

    /** Any element, with random children, text or both, to a bounded depth. */
    private void element(StringBuilder out, String name, int depth) {
      if (random.nextInt(6) == 0) {
        out.append('<').append(name).append(chance(2) ? attribute() : "").append("/>");
        return;
      }
      open(out, name);
      for (int i = depth > 3 ? 0 : random.nextInt(4); i > 0; i--) {
        if (random.nextBoolean()) {
          element(out, hazards ? pick(NAMES) : "Other" + i, depth + 1);
        } else {
          text(out, 2);
        }
      }
      out.append("</").append(name).append('>');
    }

    private void open(StringBuilder out, String name) {
      out.append('<').append(name).append(chance(12) ? attribute() : "");
      out.append(random.nextInt(10) == 0 ? " xmlns=\"http://doc.oss.aliyuncs.com\"" : "");
      out.append(random.nextInt(20) == 0 ? " xmlns:p=\"urn:p\"" : "").append('>');
    }

    private String attribute() {
      return random.nextInt(3) == 0 ? "" : " a=\"" + pick(TEXTS).replace("\"", "") + "\"";
    }

    /** Usually one fragment, sometimes several, once in {@code odds} none. */
    private void text(StringBuilder out, int odds) {
      if (random.nextInt(odds) == 0) {
        return;
      }
      for (int i = random.nextInt(5) == 0 ? 3 : 1; i > 0; i--) {
        out.append(pick(hazards ? TEXTS : SAFE_TEXTS));
      }
    }

    private String pick(String[] values) {
      return values[random.nextInt(values.length)];
    }
  }

  private static Object outcome(java.util.function.Supplier<ServerSideEncryptionRule> read) {
    try {
      return read.get();
    } catch (OssException e) {
      return e.code();
    }
  }
}
