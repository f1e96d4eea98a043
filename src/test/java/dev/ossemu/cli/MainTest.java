package dev.ossemu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.OssEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: options, environment, help, version, and the exit statuses of failures. */
class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private OssEmulator running;

  @AfterEach
  void stop() {
    if (running != null) {
      running.close();
    }
  }

  private Main.Started start(Map<String, String> env, String... args) {
    Main.Started started =
        Main.start(
            args,
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    running = started.emulator();
    return started;
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsTheEndpointLineWithTheRealPortOnceListening() throws Exception {
    Main.Started started = start(Map.of(), "--port", "0");

    assertThat(started.emulator()).isNotNull();
    int port = started.emulator().port();
    assertThat(out())
        .isEqualTo(
            "oss-emulator listening on http://127.0.0.1:"
                + port
                + " (region cn-hangzhou, access key test-access-key)"
                + System.lineSeparator());
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Server")).contains("AliyunOSS");
  }

  @Test
  void readsEveryOptionFromTheEnvironment() {
    Main.Started started =
        start(
            Map.of(
                "OSS_EMULATOR_HOST", "127.0.0.1",
                "OSS_EMULATOR_PORT", "0",
                "OSS_EMULATOR_REGION", "cn-shanghai",
                "OSS_EMULATOR_ACCOUNTS", "ak1:sk1,ak2:sk2"));

    OssEmulator emulator = started.emulator();
    assertThat(emulator.region()).isEqualTo("cn-shanghai");
    assertThat(emulator.accessKeyId()).isEqualTo("ak1");
    assertThat(emulator.config().accounts()).hasSize(2);
    assertThat(emulator.config().accounts().get(0).ownerId())
        .isNotEqualTo(emulator.config().accounts().get(1).ownerId());
    assertThat(out()).contains("(region cn-shanghai, access key ak1)");
  }

  @Test
  void commandLineOptionsWinOverTheEnvironment() {
    Main.Started started =
        start(
            Map.of("OSS_EMULATOR_REGION", "cn-shanghai", "OSS_EMULATOR_ACCOUNTS", "ak1:sk1"),
            "--port",
            "0",
            "--region",
            "cn-beijing",
            "--account",
            "cli:secret",
            "--account",
            "cli2:secret2");

    assertThat(started.emulator().region()).isEqualTo("cn-beijing");
    assertThat(started.emulator().config().accounts())
        .extracting(a -> a.primaryKey().id())
        .containsExactly("cli", "cli2");
  }

  @Test
  void guardsOrTurnsOffTheAdminApi() throws Exception {
    Main.Started guarded = start(Map.of("OSS_EMULATOR_ADMIN_TOKEN", "t0ken"), "--port", "0");
    String requests = guarded.emulator().endpoint() + "/_emulator/requests";
    assertThat(get(requests, null)).isEqualTo(401);
    assertThat(get(requests, "Bearer t0ken")).isEqualTo(200);
    // The container's health check needs no token.
    assertThat(get(guarded.emulator().endpoint() + "/_emulator/health", null)).isEqualTo(200);
    // A configured token is the user's own secret: never echoed.
    assertThat(out() + err()).doesNotContain("t0ken");
    guarded.emulator().close();

    Main.Started off = start(Map.of(), "--port", "0", "--no-admin");
    assertThat(get(off.emulator().endpoint() + "/_emulator/requests", null)).isEqualTo(404);
    assertThat(get(off.emulator().endpoint() + "/_emulator/health", null)).isEqualTo(200);
  }

  @Test
  void printsAGeneratedAdminTokenOnceWhenBoundBeyondLoopback() throws Exception {
    Main.Started exposed = start(Map.of("OSS_EMULATOR_HOST", "0.0.0.0"), "--port", "0");
    String token = exposed.emulator().adminToken();
    assertThat(token).hasSizeGreaterThanOrEqualTo(32);
    assertThat(err())
        .isEqualTo(
            "admin token: "
                + token
                + "; set OSS_EMULATOR_ADMIN_TOKEN to choose one"
                + System.lineSeparator());
    assertThat(out()).doesNotContain(token);
    String requests = "http://127.0.0.1:" + exposed.emulator().port() + "/_emulator/requests";
    assertThat(get(requests, null)).isEqualTo(401);
    assertThat(get(requests, "Bearer " + token)).isEqualTo(200);
  }

  private static int get(String url, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void readsTheConfigurationFileAndLetsOptionsOverrideIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("oss.yaml");
    Files.writeString(
        file,
        "region: cn-shanghai\naccounts:\n  - name: main\n"
            + "    accessKeys: [{id: file-key, secret: file-secret}]\n");
    Main.Started fromEnv = start(Map.of("OSS_EMULATOR_CONFIG", file.toString()), "--port", "0");
    assertThat(fromEnv.emulator().region()).isEqualTo("cn-shanghai");
    assertThat(fromEnv.emulator().accessKeyId()).isEqualTo("file-key");
    fromEnv.emulator().close();

    Main.Started sized = start(Map.of("OSS_EMULATOR_MAX_STORAGE_MIB", "3"), "--port", "0");
    assertThat(sized.emulator().config().maxStorageBytes()).isEqualTo(3L * 1024 * 1024);
    sized.emulator().close();

    Main.Started overridden =
        start(
            Map.of(),
            "--config",
            file.toString(),
            "--port",
            "0",
            "--region",
            "cn-beijing",
            "--account",
            "cli-key:cli-secret");
    assertThat(overridden.emulator().region()).isEqualTo("cn-beijing");
    assertThat(overridden.emulator().config().accounts())
        .extracting(a -> a.primaryKey().id())
        .containsExactly("file-key", "cli-key");
  }

  @Test
  void refusesABrokenConfigurationFileWithStatus2(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(
        file, "region: cn-hangzhou\nbuckets:\n  - name: bucket-one\n    owner: ghost\n");
    assertThat(start(Map.of(), "--config", file.toString()).exitStatus()).isEqualTo(2);
    assertThat(err())
        .isEqualTo(
            "oss-emulator: "
                + file
                + ":4: unknown owner ghost (not an account name)"
                + System.lineSeparator());
  }

  @Test
  void acceptsOptEqualsValueForEveryOption(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("oss.yaml");
    Files.writeString(file, "region: cn-shanghai\n");
    Main.Started started =
        start(
            Map.of(),
            "--host=127.0.0.1",
            "--port=0",
            "--config=" + file,
            "--region=cn-beijing",
            "--account=eq-key:eq=secret",
            "--max-storage=3",
            "--admin-token=t0ken",
            "--log-level=WARN",
            "--data-dir=" + dir.resolve("data"));
    assertThat(started.exitStatus()).as(err()).isZero();
    assertThat(started.emulator().region()).isEqualTo("cn-beijing");
    assertThat(started.emulator().accessKeySecret()).isEqualTo("eq=secret");
    assertThat(started.emulator().config().maxStorageBytes()).isEqualTo(3L * 1024 * 1024);
    assertThat(started.emulator().config().adminToken()).isEqualTo("t0ken");
    assertThat(started.emulator().config().dataDir()).isEqualTo(dir.resolve("data"));
    assertThat(Main.readyLine(started.emulator())).isEqualTo(out().strip());
  }

  @Test
  void suggestsTheClosestOptionForATypo() {
    String[][] cases = {
      {"--prot", "--port"},
      {"--port9000", "--port"},
      {"--acount", "--account"},
      {"--data-directory", "--data-dir"},
      {"--max-stor", "--max-storage"},
      {"--max-conections", "--max-connections"},
      {"--noadmin", "--no-admin"},
    };
    for (String[] typo : cases) {
      err.reset();
      assertThat(start(Map.of(), typo[0], "1").exitStatus()).isEqualTo(2);
      assertThat(err())
          .isEqualTo(
              "oss-emulator: unknown option: "
                  + typo[0]
                  + " (did you mean "
                  + typo[1]
                  + "?)"
                  + System.lineSeparator());
    }
    err.reset();
    start(Map.of(), "--bogus");
    assertThat(err()).contains("unknown option: --bogus (see --help)");
    err.reset();
    start(Map.of(), "--no-admin=yes");
    assertThat(err()).contains("--no-admin takes no value");
  }

  @Test
  void showsTheConnectableUrlWhenListeningOnAllInterfaces() {
    Main.Started started =
        start(Map.of("OSS_EMULATOR_ADMIN_TOKEN", "t"), "--host=0.0.0.0", "--port=0");
    int port = started.emulator().port();
    assertThat(out())
        .isEqualTo(
            "oss-emulator listening on all interfaces, http://127.0.0.1:"
                + port
                + " (region cn-hangzhou, access key test-access-key)"
                + System.lineSeparator());
    assertThat(started.emulator().endpoint()).isEqualTo("http://127.0.0.1:" + port);
  }

  @Test
  void printsHelpAndVersion() {
    assertThat(start(Map.of(), "--help").exitStatus()).isZero();
    assertThat(out()).contains("--account AK:SK").contains("OSS_EMULATOR_PORT");
    assertThat(out().lines().findFirst())
        .contains(
            "Usage: java -jar oss-emulator-" + OssEmulator.version() + "-standalone.jar [options]");
    assertThat(OssEmulator.version()).doesNotContain("unknown");
    out.reset();
    assertThat(start(Map.of(), "--version").exitStatus()).isZero();
    assertThat(out()).matches("oss-emulator \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
  }

  @Test
  void rejectsBadOptionsWithOneLineAndStatus2() {
    String[][] cases = {
      {"--bogus"},
      {"--port"},
      {"--port", "70000"},
      {"--port", "abc"},
      {"--region", "CN HANGZHOU"},
      {"--account", "no-colon"},
      {"--account", ":secret"},
      {"--account", "a:b", "--account", "a:c"},
      {"--max-storage", "0"},
      {"--log-level", "LOUD"},
      {"--data-dir"},
      {"--max-storage", "lots"},
    };
    for (String[] args : cases) {
      err.reset();
      assertThat(start(Map.of(), args).exitStatus()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(err()).startsWith("oss-emulator: ").endsWith(System.lineSeparator());
      assertThat(err().lines().count()).isEqualTo(1);
    }
    err.reset();
    assertThat(start(Map.of("OSS_EMULATOR_PORT", "x"), new String[0]).exitStatus()).isEqualTo(2);
    assertThat(err()).contains("OSS_EMULATOR_PORT");
  }

  @Test
  void saysSoWhenThePortIsBusy() {
    try (OssEmulator first = OssEmulator.builder().build().start()) {
      Main.Started second = start(Map.of(), "--port", String.valueOf(first.port()));
      assertThat(second.emulator()).isNull();
      assertThat(second.exitStatus()).isEqualTo(1);
      assertThat(err())
          .startsWith("oss-emulator: cannot listen on 127.0.0.1:" + first.port())
          .endsWith("(--port 0 picks a free port)" + System.lineSeparator());
    }
  }

  @Test
  void theStandaloneJvmTurnsNettysJfrEventsOffUnlessTheUserSetThem() {
    keepingStandaloneProperties(
        () -> {
          System.clearProperty(Main.NETTY_JFR_PROPERTY);
          Main.standaloneDefaults();
          assertThat(System.getProperty(Main.NETTY_JFR_PROPERTY)).isEqualTo("false");

          System.setProperty(Main.NETTY_JFR_PROPERTY, "true");
          Main.standaloneDefaults();
          assertThat(System.getProperty(Main.NETTY_JFR_PROPERTY)).isEqualTo("true");

          // Main.start alone, as the tests and an embedding JVM reach it, leaves it alone.
          System.clearProperty(Main.NETTY_JFR_PROPERTY);
          assertThat(start(Map.of(), "--port", "0").emulator()).isNotNull();
          assertThat(System.getProperty(Main.NETTY_JFR_PROPERTY)).isNull();
        });
  }

  @Test
  void theStandaloneJvmTurnsNettysLeakDetectorOffUnlessTheUserSetALevel() {
    keepingStandaloneProperties(
        () -> {
          System.clearProperty(Main.LEAK_DETECTION_PROPERTY);
          System.clearProperty(Main.LEGACY_LEAK_DETECTION_PROPERTY);
          Main.standaloneDefaults();
          assertThat(System.getProperty(Main.LEAK_DETECTION_PROPERTY)).isEqualTo("disabled");

          System.setProperty(Main.LEAK_DETECTION_PROPERTY, "paranoid");
          Main.standaloneDefaults();
          assertThat(System.getProperty(Main.LEAK_DETECTION_PROPERTY)).isEqualTo("paranoid");

          // Netty falls back to the old name: a level given that way must not be overridden.
          System.clearProperty(Main.LEAK_DETECTION_PROPERTY);
          System.setProperty(Main.LEGACY_LEAK_DETECTION_PROPERTY, "advanced");
          Main.standaloneDefaults();
          assertThat(System.getProperty(Main.LEAK_DETECTION_PROPERTY)).isNull();

          System.clearProperty(Main.LEGACY_LEAK_DETECTION_PROPERTY);
          assertThat(start(Map.of(), "--port", "0").emulator()).isNotNull();
          assertThat(System.getProperty(Main.LEAK_DETECTION_PROPERTY)).isNull();
        });
  }

  /**
   * Runs {@code test}, then puts every property {@link Main#standaloneDefaults} may set back as it
   * was: this JVM's later tests must see the leak level and JFR setting the build gave it.
   */
  private static void keepingStandaloneProperties(Runnable test) {
    String[] names = {
      Main.NETTY_JFR_PROPERTY, Main.LEAK_DETECTION_PROPERTY, Main.LEGACY_LEAK_DETECTION_PROPERTY
    };
    String[] before = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      before[i] = System.getProperty(names[i]);
    }
    try {
      test.run();
    } finally {
      for (int i = 0; i < names.length; i++) {
        if (before[i] == null) {
          System.clearProperty(names[i]);
        } else {
          System.setProperty(names[i], before[i]);
        }
      }
    }
  }
}
