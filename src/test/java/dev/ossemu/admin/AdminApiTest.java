package dev.ossemu.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossemu.OssEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin API over real HTTP: health, reset, journal, faults, token and switch-off. */
class AdminApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private OssEmulator oss = OssEmulator.builder().bucket("examplebucket").build().start();

  @AfterEach
  void stop() {
    oss.close();
  }

  private HttpResponse<String> call(String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(oss.endpoint() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null && !body.isEmpty()) {
      request.header("Content-Type", "application/json"); // the no-token rules ask for it
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    return JSON.readTree(response.body());
  }

  @Test
  void reportsHealth() throws Exception {
    HttpResponse<String> response = call("GET", "/_emulator/health", null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = json(response);
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.get("region").asText()).isEqualTo("cn-hangzhou");
    assertThat(health.get("version").asText()).isEqualTo(OssEmulator.version());
    assertThat(call("POST", "/_emulator/health", "").statusCode()).isEqualTo(405);
  }

  @Test
  void journalsOssRequestsWithFiltersButNotAdminCalls() throws Exception {
    call("GET", "/examplebucket/?encryption", null);
    call("GET", "/missing/?bucketInfo", null);
    call("GET", "/_emulator/health", null);

    JsonNode all = json(call("GET", "/_emulator/requests", null)).get("requests");
    assertThat(all).hasSize(2);
    JsonNode first = all.get(0);
    assertThat(first.get("method").asText()).isEqualTo("GET");
    assertThat(first.get("uri").asText()).isEqualTo("/examplebucket/?encryption");
    assertThat(first.get("bucket").asText()).isEqualTo("examplebucket");
    assertThat(first.get("key").isNull()).isTrue();
    assertThat(first.get("operation").asText()).isEqualTo("GetBucketEncryption");
    assertThat(first.get("auth").asText()).isEqualTo("anonymous");
    assertThat(first.get("status").asInt()).isEqualTo(403);
    assertThat(first.get("errorCode").asText()).isEqualTo("AccessDenied");
    assertThat(first.get("durationMicros").asLong()).isNotNegative();
    assertThat(first.get("time").asText()).endsWith("Z");

    assertThat(
            json(call("GET", "/_emulator/requests?operation=GetBucketInfo", null)).get("requests"))
        .hasSize(1);
    assertThat(json(call("GET", "/_emulator/requests?status=404", null)).get("requests"))
        .hasSize(1);
    assertThat(json(call("GET", "/_emulator/requests?bucket=nothing", null)).get("requests"))
        .isEmpty();

    assertThat(call("DELETE", "/_emulator/requests", null).statusCode()).isEqualTo(204);
    assertThat(json(call("GET", "/_emulator/requests", null)).get("requests")).isEmpty();
  }

  @Test
  void injectsAnOssErrorTheGivenNumberOfTimes() throws Exception {
    HttpResponse<String> created =
        call(
            "POST",
            "/_emulator/faults",
            "{\"operation\":\"GetBucketEncryption\",\"bucket\":\"examplebucket\",\"times\":1,"
                + "\"error\":{\"status\":503,\"code\":\"ServiceUnavailable\",\"message\":\"busy\"}}");
    assertThat(created.statusCode()).isEqualTo(201);
    String id = json(created).get("id").asText();
    JsonNode listed = json(call("GET", "/_emulator/faults", null)).get("faults");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("id").asText()).isEqualTo(id);
    assertThat(listed.get(0).get("times").asInt()).isEqualTo(1);

    call("GET", "/examplebucket/?bucketInfo", null); // another operation: untouched
    HttpResponse<String> faulted = call("GET", "/examplebucket/?encryption", null);
    assertThat(faulted.statusCode()).isEqualTo(503);
    assertThat(faulted.headers().firstValue("Content-Type")).contains("application/xml");
    assertThat(faulted.body())
        .contains("<Code>ServiceUnavailable</Code><Message>busy</Message><RequestId>");
    assertThat(call("GET", "/examplebucket/?encryption", null).statusCode()).isEqualTo(403);
    assertThat(json(call("GET", "/_emulator/faults", null)).get("faults")).isEmpty();
  }

  @Test
  void delaysAnswersWithoutBlockingOthers() throws Exception {
    call("POST", "/_emulator/faults", "{\"operation\":\"GetBucketInfo\",\"delayMillis\":300}");
    long start = System.nanoTime();
    assertThat(call("GET", "/examplebucket/?bucketInfo", null).statusCode()).isEqualTo(403);
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    // The fault has no times: it stays until removed.
    assertThat(json(call("GET", "/_emulator/faults", null)).get("faults")).hasSize(1);
    assertThat(call("DELETE", "/_emulator/faults", null).statusCode()).isEqualTo(204);
    assertThat(json(call("GET", "/_emulator/faults", null)).get("faults")).isEmpty();
  }

  @Test
  void resetsTheConnectionWhenAsked() throws Exception {
    String id =
        json(call("POST", "/_emulator/faults", "{\"resetConnection\":true}")).get("id").asText();
    // The JDK client retries an idempotent GET once by itself: the fault must outlast that.
    Throwable thrown = catchThrowable(() -> call("GET", "/examplebucket/?encryption", null));
    assertThat(thrown).isInstanceOf(IOException.class);
    call("DELETE", "/_emulator/faults/" + id, null);
    assertThat(call("GET", "/examplebucket/?encryption", null).statusCode()).isEqualTo(403);
  }

  @Test
  void removesOneFaultById() throws Exception {
    String id = json(call("POST", "/_emulator/faults", "{\"delayMillis\":1}")).get("id").asText();
    assertThat(call("DELETE", "/_emulator/faults/" + id, null).statusCode()).isEqualTo(204);
    assertThat(call("DELETE", "/_emulator/faults/" + id, null).statusCode()).isEqualTo(404);
  }

  @Test
  void rejectsFaultsThatMakeNoSense() throws Exception {
    for (String body :
        new String[] {
          "not json",
          "{}",
          "{\"operation\":\"GetBucketInfo\"}",
          "{\"error\":{\"status\":200,\"code\":\"X\"}}",
          "{\"delayMillis\":5,\"times\":0}",
          "{\"delayMillis\":5,\"probability\":2}",
          "{\"delayMillis\":5,\"unknownField\":1}"
        }) {
      HttpResponse<String> response = call("POST", "/_emulator/faults", body);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
      assertThat(json(response).get("error").asText()).isEqualTo("InvalidRequest");
    }
    assertThat(oss.faults()).isEmpty();
  }

  @Test
  void resetClearsJournalAndFaults() throws Exception {
    call("GET", "/examplebucket/?encryption", null);
    call("POST", "/_emulator/faults", "{\"delayMillis\":1}");
    HttpResponse<String> response = call("POST", "/_emulator/reset", "");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("status").asText()).isEqualTo("reset");
    assertThat(oss.requests()).isEmpty();
    assertThat(oss.faults()).isEmpty();
  }

  @Test
  void answersUnknownAdminPathsWithJson404() throws Exception {
    HttpResponse<String> response = call("GET", "/_emulator/nothing", null);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("error").asText()).isEqualTo("NotFound");
  }

  @Test
  void requiresTheBearerTokenWhenConfigured() throws Exception {
    oss.close();
    oss = OssEmulator.builder().adminToken("s3cret").build().start();
    HttpResponse<String> missing = call("GET", "/_emulator/requests", null);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(json(missing).get("error").asText()).isEqualTo("Unauthorized");
    assertThat(
            call("GET", "/_emulator/requests", null, "Authorization", "Bearer wrong").statusCode())
        .isEqualTo(401);
    assertThat(
            call("GET", "/_emulator/requests", null, "Authorization", "Bearer s3cret").statusCode())
        .isEqualTo(200);
    assertThat(call("GET", "/_emulator/health", null).statusCode()).isEqualTo(200);
    assertThat(oss.adminToken()).isEqualTo("s3cret");
  }

  @Test
  void answers404WhenTurnedOffButStillReportsHealth() throws Exception {
    oss.close();
    oss = OssEmulator.builder().admin(false).build().start();
    HttpResponse<String> response = call("POST", "/_emulator/reset", "");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("error").asText()).isEqualTo("NotFound");
    HttpResponse<String> health = call("GET", "/_emulator/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json(health).properties())
        .extracting(Map.Entry::getKey)
        .containsExactly("status", "version", "region");
  }
}
