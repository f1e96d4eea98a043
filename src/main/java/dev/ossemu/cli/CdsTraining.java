package dev.ossemu.cli;

import dev.ossemu.OssEmulator;
import dev.ossemu.auth.SignatureV1;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The training run behind the standalone jar's AppCDS archive ({@code mvn package} runs it with
 * {@code -XX:ArchiveClassesAtExit}): starts the emulator as {@code Main} does, sends the requests a
 * test suite sends first (bucket, encryption rule, object, an error, the admin API), stops, and
 * exits. Every class those load is then mapped from the archive at the next start instead of being
 * found, read and verified again.
 */
public final class CdsTraining {
  private static final String AK = "cds-ak";
  private static final String SK = "cds-sk";

  private CdsTraining() {}

  public static void main(String[] args) throws IOException {
    Main.standaloneDefaults(); // the classes Main's JVM loads, no more
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    Main.Started started =
        Main.start(
            new String[] {"--port", "0", "--account", AK + ":" + SK, "--log-level", "WARN"},
            Map.of(),
            quiet,
            System.err);
    OssEmulator emulator = started.emulator();
    if (emulator == null) {
      System.exit(started.exitStatus());
    }
    try {
      String rule =
          "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256"
              + "</SSEAlgorithm></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>";
      String base = emulator.endpoint();
      send(base, "PUT", "/cds-bucket", "/cds-bucket/", null, null);
      send(
          base,
          "PUT",
          "/cds-bucket?encryption",
          "/cds-bucket/?encryption",
          rule,
          "application/xml");
      send(base, "GET", "/cds-bucket?encryption", "/cds-bucket/?encryption", null, null);
      send(base, "PUT", "/cds-bucket/key", "/cds-bucket/key", "x".repeat(70_000), "text/plain");
      send(base, "GET", "/cds-bucket/key", "/cds-bucket/key", null, null);
      send(base, "HEAD", "/cds-bucket/key", "/cds-bucket/key", null, null);
      send(base, "GET", "/cds-bucket", "/cds-bucket/", null, null);
      send(base, "GET", "/", "/", null, null);
      send(base, "GET", "/missing-bucket?encryption", "/missing-bucket/?encryption", null, null);
      send(base, "DELETE", "/cds-bucket?encryption", "/cds-bucket/?encryption", null, null);
      unsigned(base + "/");
      unsigned(base + "/_emulator/health");
    } finally {
      emulator.close();
    }
    System.exit(0);
  }

  private static void send(
      String base, String method, String path, String resource, String body, String type)
      throws IOException {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
    String stringToSign =
        method + "\n\n" + (type == null ? "" : type) + "\n" + date + "\n" + resource;
    HttpURLConnection connection = open(base + path, method);
    connection.setRequestProperty("Date", date);
    connection.setRequestProperty(
        "Authorization", "OSS " + AK + ":" + SignatureV1.sign(SK, stringToSign));
    if (body != null) {
      connection.setRequestProperty("Content-Type", type);
      connection.setDoOutput(true);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    drain(connection);
  }

  private static void unsigned(String url) throws IOException {
    drain(open(url, "GET"));
  }

  private static HttpURLConnection open(String url, String method) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    connection.setRequestMethod(method);
    return connection;
  }

  private static void drain(HttpURLConnection connection) throws IOException {
    int status = connection.getResponseCode();
    var in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
    if (in != null) {
      try (in) {
        in.readAllBytes();
      }
    }
  }
}
