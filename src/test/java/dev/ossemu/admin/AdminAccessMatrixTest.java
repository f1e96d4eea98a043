package dev.ossemu.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossemu.OssEmulator;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The admin API's rules over real sockets: token or none × loopback or 0.0.0.0 bind × Origin × Host
 * × content type × Authorization. Each call is one that changes state (a fault added or removed, a
 * reset), and the state is checked after every refusal as well as every success.
 */
class AdminAccessMatrixTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "m4trix-t0ken";

  /** Host headers: names of this machine, rebinding names, and none at all. */
  private static final List<String> HOSTS =
      List.of(
          "127.0.0.1",
          "localhost",
          "[::1]",
          "127.0.0.2",
          "LOCALHOST",
          "evil.example",
          "localhost.evil.example",
          "192.0.2.1",
          "");

  /** Origin headers; {@code own} stands for {@code http://<the Host sent>}. */
  private static final List<String> ORIGINS =
      List.of("none", "own", "http://evil.example", "null", "http://localhost:1");

  /** With a token Host and Origin play no part: a few of each show that they are ignored. */
  private static final List<String> SOME_HOSTS = List.of("127.0.0.1", "evil.example", "");

  private static final List<String> SOME_ORIGINS = List.of("none", "http://evil.example");

  /**
   * A state-changing call with a body shape: method, path, body (null for none), Content-Type (null
   * for none), and how many faults are left after it succeeds (one exists before).
   */
  private record Call(String method, String path, String body, String type, int faultsAfter) {}

  private static final String FAULT = "{\"delayMillis\":1}";
  private static final List<Call> CALLS =
      List.of(
          new Call("DELETE", "/_emulator/faults", null, null, 0),
          new Call("POST", "/_emulator/reset", null, null, 0),
          new Call("POST", "/_emulator/faults", FAULT, "application/json", 2),
          new Call("POST", "/_emulator/faults", FAULT, "Application/JSON; charset=utf-8", 2),
          new Call("POST", "/_emulator/faults", FAULT, "text/plain", 2),
          new Call("POST", "/_emulator/faults", FAULT, null, 2),
          new Call("POST", "/_emulator/reset", "", "application/x-www-form-urlencoded", 0),
          new Call("POST", "/_emulator/reset", "", "multipart/form-data; boundary=x", 0));

  private OssEmulator oss;

  @AfterEach
  void stop() {
    if (oss != null) {
      oss.close();
    }
  }

  @Test
  void loopbackWithoutTokenServesOnlyCallsNoWebPageCanMake() throws Exception {
    oss = OssEmulator.builder().build().start();
    assertThat(oss.adminToken()).isNull();
    assertThat(
            matrix(InetAddress.getLoopbackAddress(), HOSTS, ORIGINS, List.of("none", "Bearer x")))
        .isEmpty();
  }

  @Test
  void loopbackWithTokenServesTheTokenOnly() throws Exception {
    oss = OssEmulator.builder().adminToken(TOKEN).build().start();
    assertThat(tokenMatrix(InetAddress.getLoopbackAddress(), TOKEN)).isEmpty();
  }

  @Test
  void allInterfacesWithoutTokenRequireTheGeneratedOne() throws Exception {
    oss = OssEmulator.builder().host("0.0.0.0").build().start();
    String generated = oss.adminToken();
    assertThat(generated).isNotNull().isNotEqualTo(TOKEN);
    assertThat(tokenMatrix(InetAddress.getLoopbackAddress(), generated)).isEmpty();
  }

  @Test
  void allInterfacesWithTokenServeTheTokenOnly() throws Exception {
    oss = OssEmulator.builder().host("0.0.0.0").adminToken(TOKEN).build().start();
    assertThat(oss.adminToken()).isEqualTo(TOKEN);
    assertThat(tokenMatrix(InetAddress.getLoopbackAddress(), TOKEN)).isEmpty();
  }

  @Test
  void aCallerFromTheNetworkNeedsTheTokenEvenWithLocalHeaders() throws Exception {
    Optional<InetAddress> external = nonLoopbackAddress();
    Assumptions.assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");
    oss = OssEmulator.builder().host("0.0.0.0").build().start();
    assertThat(tokenMatrix(external.get(), oss.adminToken())).isEmpty();
  }

  @Test
  void refusesTheAttacksOfTheIssue() throws Exception {
    oss = OssEmulator.builder().bucket("examplebucket").build().start();
    InetAddress local = InetAddress.getLoopbackAddress();
    String host = "127.0.0.1:" + oss.port();
    oss.fault(new Fault(null, "GetObject", null, null, null, null, 5L, null));
    // A page on evil.example resets everything with a "simple" cross-site POST.
    AdminWire.Answer reset =
        AdminWire.send(
            local,
            oss.port(),
            "POST",
            "/_emulator/reset",
            "x",
            "Host",
            host,
            "Origin",
            "http://evil.example",
            "Content-Type",
            "text/plain");
    // It mints STS credentials for any RAM user, then reads that user's objects.
    AdminWire.Answer sts =
        AdminWire.send(
            local,
            oss.port(),
            "POST",
            "/_emulator/sts/credentials",
            "{\"ramUser\":\"main/admin\"}",
            "Host",
            host,
            "Content-Type",
            "text/plain");
    // DNS rebinding: evil.example resolves to 127.0.0.1, the browser sends its own Host.
    AdminWire.Answer journal =
        AdminWire.send(
            local,
            oss.port(),
            "GET",
            "/_emulator/requests",
            null,
            "Host",
            "evil.example:" + oss.port(),
            "Origin",
            "http://evil.example:" + oss.port());

    assertThat(List.of(reset.status(), sts.status(), journal.status()))
        .containsExactly(403, 403, 403);
    assertThat(JSON.readTree(reset.body()).get("rule").asText()).isEqualTo("origin");
    assertThat(JSON.readTree(sts.body()).get("rule").asText()).isEqualTo("content-type");
    assertThat(JSON.readTree(journal.body()).get("rule").asText()).isEqualTo("host");
    assertThat(sts.body()).doesNotContain("AccessKeySecret");
    assertThat(journal.body()).doesNotContain("requests");
    assertThat(oss.faults()).hasSize(1); // nothing was reset
  }

  @Test
  void answersNoCorsPreflight() throws Exception {
    oss = OssEmulator.builder().build().start();
    for (String origin : List.of("http://evil.example", "http://127.0.0.1:" + oss.port())) {
      AdminWire.Answer answer =
          AdminWire.send(
              InetAddress.getLoopbackAddress(),
              oss.port(),
              "OPTIONS",
              "/_emulator/reset",
              null,
              "Host",
              "127.0.0.1:" + oss.port(),
              "Origin",
              origin,
              "Access-Control-Request-Method",
              "POST",
              "Access-Control-Request-Headers",
              "content-type");
      assertThat(answer.status()).as(origin).isGreaterThanOrEqualTo(400);
      assertThat(answer.headers().keySet()).noneMatch(name -> name.startsWith("access-control-"));
    }
  }

  private List<String> tokenMatrix(InetAddress address, String token) throws IOException {
    List<String> authorizations =
        List.of("none", "Bearer " + token, "Bearer wrong", "Basic " + token, token);
    return matrix(address, SOME_HOSTS, SOME_ORIGINS, authorizations);
  }

  /** Every combination; returns a line per combination whose answer or state was wrong. */
  private List<String> matrix(
      InetAddress address, List<String> hosts, List<String> origins, List<String> authorizations)
      throws IOException {
    List<String> wrong = new ArrayList<>();
    String token = oss.adminToken();
    for (String hostName : hosts) {
      String host = hostName.isEmpty() ? null : hostName + ":" + oss.port();
      for (String originKind : origins) {
        String origin = origin(originKind, host);
        for (Call call : CALLS) {
          for (String authorization : authorizations) {
            String auth = authorization.equals("none") ? null : authorization;
            String expectedRule =
                token != null
                    ? (("Bearer " + token).equals(auth) ? null : "token")
                    : loopbackRule(hostName, host, origin, call);
            String problem = exchange(address, host, origin, auth, call, expectedRule);
            if (problem != null) {
              wrong.add(
                  String.format(
                      Locale.ROOT,
                      "%s %s Host=%s Origin=%s Content-Type=%s body=%s Authorization=%s: %s",
                      call.method(),
                      call.path(),
                      host,
                      origin,
                      call.type(),
                      call.body() != null,
                      auth,
                      problem));
            }
          }
        }
      }
    }
    return wrong;
  }

  /** The issue's rules, in their order; null when the call may go on. */
  private static String loopbackRule(String hostName, String host, String origin, Call call) {
    String name = hostName.toLowerCase(Locale.ROOT);
    if (!List.of("127.0.0.1", "localhost", "[::1]", "127.0.0.2").contains(name)) {
      return "host";
    }
    if (origin != null && !origin.equals("http://" + host)) {
      return "origin";
    }
    boolean body = call.body() != null && !call.body().isEmpty();
    boolean json =
        call.type() != null && call.type().toLowerCase(Locale.ROOT).startsWith("application/json");
    if (call.type() == null ? body : !json) {
      return "content-type";
    }
    return null;
  }

  private static String origin(String kind, String host) {
    return switch (kind) {
      case "none" -> null;
      case "own" -> host == null ? "http://" : "http://" + host;
      default -> kind;
    };
  }

  /** One call; null when answer and state are as expected, else what differed. */
  private String exchange(
      InetAddress address,
      String host,
      String origin,
      String authorization,
      Call call,
      String expectedRule)
      throws IOException {
    oss.clearFaults();
    oss.fault(new Fault(null, "GetObject", null, null, null, null, 5L, null));
    AdminWire.Answer answer =
        AdminWire.send(
            address,
            oss.port(),
            call.method(),
            call.path(),
            call.body(),
            "Host",
            host,
            "Origin",
            origin,
            "Content-Type",
            call.type(),
            "Authorization",
            authorization);
    int faults = oss.faults().size();
    if (expectedRule == null) {
      int status = call.path().endsWith("reset") ? 200 : call.method().equals("POST") ? 201 : 204;
      if (answer.status() != status || faults != call.faultsAfter()) {
        return "expected "
            + status
            + " and "
            + call.faultsAfter()
            + " faults, got "
            + answer.status()
            + " and "
            + faults
            + ": "
            + answer.body();
      }
      return null;
    }
    int status = expectedRule.equals("token") ? 401 : 403;
    if (answer.status() != status || faults != 1) {
      return "expected "
          + status
          + " ("
          + expectedRule
          + ") and the fault untouched, got "
          + answer.status()
          + " and "
          + faults
          + " faults: "
          + answer.body();
    }
    JsonNode refusal = JSON.readTree(answer.body());
    if (!expectedRule.equals(refusal.path("rule").asText())) {
      return "expected rule " + expectedRule + ", got " + answer.body();
    }
    if (status == 403 && !refusal.path("message").asText().contains("--admin-token")) {
      return "the refusal does not say how to set a token: " + answer.body();
    }
    return null;
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(
            nic -> {
              try {
                return nic.isUp() && !nic.isLoopback();
              } catch (SocketException e) {
                return false;
              }
            })
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .findFirst();
  }
}
