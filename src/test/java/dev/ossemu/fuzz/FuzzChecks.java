package dev.ossemu.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.testing.XmlText;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What every answer to a fuzzed request must be. */
final class FuzzChecks {
  private FuzzChecks() {}

  static void wellFormed(WireResponses.Response response, String request) {
    int status = response.status();
    // A client mistake is never a server error: 505 is the one 5xx that names the client's fault.
    assertThat(status < 500 || status == 505)
        .as("status %d answering %s: %s", status, request, response.body())
        .isTrue();
    assertThat(response.headers()).as(request).containsKey("x-oss-request-id");
    String document = response.body();
    String err = response.headers().get("x-oss-err");
    if (err != null) {
      document = new String(Base64.getDecoder().decode(err), StandardCharsets.UTF_8);
    }
    if (status >= 300 && status != 304 && !document.isEmpty()) {
      assertThat(XmlText.isWellFormedXml10(document))
          .as("well-formed XML 1.0 answering %s: %s", request, document)
          .isTrue();
      assertThat(document).as(request).contains("<Code>").contains("<RequestId>");
    }
  }
}
