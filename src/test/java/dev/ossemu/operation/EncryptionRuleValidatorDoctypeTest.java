package dev.ossemu.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.xml.XmlCodec;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PutBucketEncryption bodies with a DOCTYPE (spec §1 rule 2): MalformedXML, with no entity expanded
 * and no file opened.
 */
class EncryptionRuleValidatorDoctypeTest {
  private final EncryptionRuleValidator validator = new EncryptionRuleValidator(new XmlCodec());

  private static String rule(String inner) {
    return "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>"
        + inner
        + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>";
  }

  private OssException refused(String xml) {
    OssException error =
        catchThrowableOfType(
            OssException.class, () -> validator.validate(xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(error).as("refusal of %s", xml).isNotNull();
    return error;
  }

  @Test
  void refusesADoctypeWithoutEntities() {
    assertThat(
            refused(
                    "<!DOCTYPE ServerSideEncryptionRule>"
                        + rule("<SSEAlgorithm>KMS</SSEAlgorithm>"))
                .errorCode())
        .isEqualTo(OssErrorCode.MALFORMED_XML);
  }

  @Test
  void refusesInternalEntitiesAndBillionLaughs() {
    String internal =
        "<!DOCTYPE ServerSideEncryptionRule [<!ENTITY alg \"KMS\">]>"
            + rule("<SSEAlgorithm>&alg;</SSEAlgorithm>");
    StringBuilder laughs = new StringBuilder("<!DOCTYPE r [<!ENTITY l0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      laughs.append("<!ENTITY l").append(i).append(" \"");
      laughs.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    laughs.append("]>").append(rule("<SSEAlgorithm>&l9;</SSEAlgorithm>"));
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          assertThat(refused(internal).errorCode()).isEqualTo(OssErrorCode.MALFORMED_XML);
          assertThat(refused(laughs.toString()).errorCode()).isEqualTo(OssErrorCode.MALFORMED_XML);
        });
  }

  @Test
  void refusesAnExternalEntityWithoutUsingTheFile(@TempDir Path dir) throws Exception {
    // Were the entity resolved, the document would be a valid KMS rule.
    Path file = dir.resolve("algorithm.txt");
    Files.writeString(file, "KMS");
    OssException error = refused(external(file));
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.MALFORMED_XML);
  }

  @Test
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void refusesAnExternalEntityWithoutOpeningTheFile(@TempDir Path dir) throws Exception {
    // A FIFO shows whether anyone opened it: its writer's open() returns only then.
    Path fifo = dir.resolve("algorithm.fifo");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      mkfifo = null;
    }
    assumeTrue(mkfifo != null && mkfifo.waitFor() == 0, "mkfifo is available");
    AtomicBoolean opened = new AtomicBoolean();
    Thread writer =
        new Thread(
            () -> {
              try (OutputStream out = new FileOutputStream(fifo.toFile())) {
                opened.set(true);
                out.write("KMS".getBytes(StandardCharsets.UTF_8));
              } catch (IOException ignored) {
                // the reader went away: nothing to write to
              }
            });
    writer.setDaemon(true);
    writer.start();

    OssException error = refused(external(fifo));
    Thread.sleep(200);
    boolean openedByParser = opened.get();
    if (!openedByParser) {
      // Let the writer through, so that it finishes.
      try (InputStream release = new FileInputStream(fifo.toFile())) {
        byte[] buffer = new byte[16];
        while (release.read(buffer) >= 0) {
          // drain
        }
      }
    }
    writer.join(5000);

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.MALFORMED_XML);
    assertThat(openedByParser).as("the external entity's file was opened").isFalse();
  }

  private static String external(Path file) {
    return "<?xml version=\"1.0\"?><!DOCTYPE ServerSideEncryptionRule [<!ENTITY alg SYSTEM \""
        + file.toUri()
        + "\">]>"
        + rule("<SSEAlgorithm>&alg;</SSEAlgorithm>");
  }
}
