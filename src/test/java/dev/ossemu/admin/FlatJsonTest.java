package dev.ossemu.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossemu.auth.Accounts;
import dev.ossemu.auth.StsCredentials;
import dev.ossemu.request.Headers;
import dev.ossemu.request.OssRequest;
import dev.ossemu.request.OssResponse;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hand-written flat answers: Jackson's bytes exactly, and no ObjectMapper behind them. */
class FlatJsonTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();

  private static Map<String, Object> fields(Object... keysAndValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return fields;
  }

  @Test
  void writesWhatJacksonWritesForPrintableAscii() throws Exception {
    List<Map<String, Object>> documents =
        List.of(
            fields(),
            fields("status", "UP", "version", "0.1.0-SNAPSHOT", "region", "cn-hangzhou"),
            fields("error", "NotFound", "message", "no admin resource /_emulator/x?a=\"b\"\\c"),
            fields("", "", "quote\"", "~ !#$%&'()*+,-./:;<=>?@[]^_`{|}"));
    for (Map<String, Object> document : documents) {
      assertThat(new String(FlatJson.write(document), StandardCharsets.UTF_8))
          .isEqualTo(JACKSON.writeValueAsString(document));
    }
  }

  @Test
  void leavesEverythingElseToJackson() {
    assertThat(FlatJson.write(fields("path", "/caf\u00e9"))).isNull();
    assertThat(FlatJson.write(fields("line", "a\nb"))).isNull();
    assertThat(FlatJson.write(fields("del", "\u007f"))).isNull();
    assertThat(FlatJson.write(fields("count", 1))).isNull();
    assertThat(FlatJson.write(fields("nothing", null))).isNull();
    assertThat(FlatJson.write(Map.of(1, "one"))).isNull();
  }

  @Test
  void healthErrorsAndRefusalsBuildNoObjectMapperButTheJournalDoes() throws Exception {
    AdminApi admin =
        new AdminApi(
            new AdminSettings(true, "secret-token", "1.2.3", "cn-hangzhou", "127.0.0.1"),
            new RequestJournal(10),
            new Faults(),
            () -> {},
            new Accounts(List.of()),
            new StsCredentials(),
            Clock.systemUTC());
    InetAddress loopback = InetAddress.getLoopbackAddress();

    OssResponse health = admin.handle(get("/_emulator/health"), loopback);
    OssResponse refused = admin.handle(get("/_emulator/requests"), loopback);
    OssResponse wrongMethod =
        admin.handle(
            OssRequest.of("id", "POST", "/_emulator/health", new Headers(), new byte[0]), loopback);

    assertThat(health.status()).isEqualTo(200);
    assertThat(new String(health.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"status\":\"UP\",\"version\":\"1.2.3\",\"region\":\"cn-hangzhou\"}");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(JACKSON.readTree(refused.body()).get("error").asText()).isEqualTo("Unauthorized");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(admin.mapperBuilt()).isFalse();

    OssResponse journal =
        admin.handle(
            OssRequest.of(
                "id",
                "GET",
                "/_emulator/requests",
                new Headers().add("Authorization", "Bearer secret-token"),
                new byte[0]),
            loopback);
    assertThat(journal.status()).isEqualTo(200);
    assertThat(new String(journal.body(), StandardCharsets.UTF_8)).isEqualTo("{\"requests\":[]}");
    assertThat(admin.mapperBuilt()).isTrue();
  }

  private static OssRequest get(String path) {
    return OssRequest.of("id", "GET", path, new Headers(), new byte[0]);
  }
}
