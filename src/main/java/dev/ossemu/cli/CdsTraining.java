package dev.ossemu.cli;

import dev.ossemu.OssEmulator;
import dev.ossemu.auth.SignatureV1;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
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

  /** Main's options for the training run. */
  static final String[] ARGUMENTS = {
    "--port", "0", "--account", AK + ":" + SK, "--log-level", "WARN"
  };

  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  private CdsTraining() {}

  public static void main(String[] args) throws IOException {
    Main.standaloneDefaults(); // the classes Main's JVM loads, no more
    StartWarmup.start();
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    Main.Started started = Main.start(ARGUMENTS.clone(), Map.of(), quiet, System.err);
    OssEmulator emulator = started.emulator();
    if (emulator == null) {
      System.exit(started.exitStatus());
    }
    try {
      List<String> wrong = train(emulator.port());
      if (!wrong.isEmpty()) {
        // An archive of error paths only would make every start slower without a sign of why.
        System.err.println("CDS training: unexpected answers " + wrong);
        System.exit(1);
      }
    } finally {
      emulator.close();
    }
    System.exit(0);
  }

  /**
   * The requests a test suite sends first, each with the status it must get.
   *
   * @return the requests that got another status, as {@code METHOD path: status}; empty when all
   *     went as expected
   */
  static List<String> train(int port) throws IOException {
    String rule =
        "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256"
            + "</SSEAlgorithm></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>";
    List<String> wrong = new ArrayList<>();
    expect(
        wrong,
        200,
        "PUT /cds-bucket",
        send(port, "PUT", "/cds-bucket", "/cds-bucket/", null, null));
    expect(
        wrong,
        200,
        "PUT ?encryption",
        send(
            port,
            "PUT",
            "/cds-bucket?encryption",
            "/cds-bucket/?encryption",
            rule,
            "application/xml"));
    expect(
        wrong,
        200,
        "GET ?encryption",
        send(port, "GET", "/cds-bucket?encryption", "/cds-bucket/?encryption", null, null));
    expect(
        wrong,
        200,
        "PUT object",
        send(port, "PUT", "/cds-bucket/key", "/cds-bucket/key", "x".repeat(70_000), "text/plain"));
    expect(
        wrong,
        200,
        "GET object",
        send(port, "GET", "/cds-bucket/key", "/cds-bucket/key", null, null));
    expect(
        wrong,
        200,
        "HEAD object",
        send(port, "HEAD", "/cds-bucket/key", "/cds-bucket/key", null, null));
    expect(wrong, 200, "ListObjects", send(port, "GET", "/cds-bucket", "/cds-bucket/", null, null));
    expect(wrong, 200, "ListBuckets", send(port, "GET", "/", "/", null, null));
    expect(
        wrong,
        404,
        "GET ?encryption of a missing bucket",
        send(port, "GET", "/missing-bucket?encryption", "/missing-bucket/?encryption", null, null));
    expect(
        wrong,
        204,
        "DELETE ?encryption",
        send(port, "DELETE", "/cds-bucket?encryption", "/cds-bucket/?encryption", null, null));
    expect(wrong, 403, "anonymous ListBuckets", exchange(port, "GET", "/", "", new byte[0]));
    expect(wrong, 200, "health", exchange(port, "GET", "/_emulator/health", "", new byte[0]));
    return wrong;
  }

  private static void expect(List<String> wrong, int status, String request, int got) {
    if (got != status) {
      wrong.add(request + ": " + got);
    }
  }

  /**
   * One request on its own connection, over a plain socket: an HTTP client library would put its
   * own classes (HttpURLConnection, its logger and locale data, a hundred) into the archive, which
   * every start then maps and the server never uses.
   */
  private static int send(
      int port, String method, String path, String resource, String body, String type)
      throws IOException {
    String date = httpDate(LocalDateTime.now(Clock.systemUTC()));
    String stringToSign =
        method + "\n\n" + (type == null ? "" : type) + "\n" + date + "\n" + resource;
    return exchange(
        port,
        method,
        path,
        "Date: "
            + date
            + "\r\nAuthorization: OSS "
            + AK
            + ":"
            + SignatureV1.sign(SK, stringToSign)
            + "\r\n"
            + (type == null ? "" : "Content-Type: " + type + "\r\n"),
        body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends the request with {@code Connection: close}, reads the answer to its end: the status. */
  private static int exchange(int port, String method, String path, String headers, byte[] body)
      throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      String head =
          method
              + " "
              + path
              + " HTTP/1.1\r\nHost: 127.0.0.1:"
              + port
              + "\r\n"
              + headers
              + "Content-Length: "
              + body.length
              + "\r\nConnection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      String answer =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      // "HTTP/1.1 200 OK": the three digits after the first space.
      int space = answer.indexOf(' ');
      return space < 0 ? -1 : Integer.parseInt(answer.substring(space + 1, space + 4));
    }
  }

  /** RFC 1123, as the SDKs send it, without DateTimeFormatter's locale data. */
  static String httpDate(LocalDateTime utc) {
    return DAYS[utc.getDayOfWeek().ordinal()]
        + ", "
        + twoDigits(utc.getDayOfMonth())
        + " "
        + MONTHS[utc.getMonthValue() - 1]
        + " "
        + utc.getYear()
        + " "
        + twoDigits(utc.getHour())
        + ":"
        + twoDigits(utc.getMinute())
        + ":"
        + twoDigits(utc.getSecond())
        + " GMT";
  }

  private static String twoDigits(int value) {
    return value < 10 ? "0" + value : String.valueOf(value);
  }
}
