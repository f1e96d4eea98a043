package dev.ossemu.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** What every answer to a fuzzed request must be. */
final class FuzzChecks {
  /** One parser for all cases: looking up a factory per document would dominate the run. */
  private static final DocumentBuilder PARSER = parser();

  private FuzzChecks() {}

  private static DocumentBuilder parser() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(
          new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) throws SAXParseException {
              throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
              throw e;
            }
          });
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the JDK's parser (as strict as every SDK's) reads {@code document} as XML 1.0. */
  static boolean isWellFormedXml10(String document) {
    try {
      PARSER.reset();
      PARSER.parse(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  static void wellFormed(WireResponses.Response response, String request) {
    int status = response.status();
    // A client mistake is never a server error. 505 names the client's fault; 501 NotImplemented
    // says the emulator lacks an operation (an unknown sub-resource), which is no failure either.
    assertThat(status < 500 || status == 505 || status == 501)
        .as("status %d answering %s: %s", status, request, response.body())
        .isTrue();
    assertThat(response.headers()).as(request).containsKey("x-oss-request-id");
    String document = response.body();
    String err = response.headers().get("x-oss-err");
    if (err != null) {
      document = new String(Base64.getDecoder().decode(err), StandardCharsets.UTF_8);
    }
    if (status >= 300 && status != 304 && !document.isEmpty()) {
      assertThat(isWellFormedXml10(document))
          .as("well-formed XML 1.0 answering %s: %s", request, document)
          .isTrue();
      assertThat(document).as(request).contains("<Code>").contains("<RequestId>");
    }
  }
}
