package dev.ossemu.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;
import dev.ossemu.OssEmulator;
import dev.ossemu.admin.JournalEntry;
import dev.ossemu.auth.Account;
import dev.ossemu.auth.RamUser;
import dev.ossemu.testing.RawRequest;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 12 §4: after presigned V1 and V4, STS and header-signed requests (good and forged), the
 * access log, every log line and the journal hold no signature, STS token or secret, while the
 * journal still carries StringToSign and the canonical request for debugging.
 */
class SecretRedactionIT {
  private static final String BUCKET = "examplebucket";
  private static final String SECRET = "main-secret-key-XYZ";
  private static final String STS_ID = "STS.redaction-test";
  private static final String STS_SECRET = "sts-secret-key-XYZ";
  private static final String STS_TOKEN = "CAIS-sts+token/value=XYZ";

  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> secrets = new ArrayList<>(List.of(SECRET, STS_SECRET, STS_TOKEN));
  private final List<OSS> clients = new ArrayList<>();
  private Level previous;
  private OssEmulator oss;

  @BeforeEach
  void start() {
    Logger ossemu = (Logger) LoggerFactory.getLogger("dev.ossemu");
    previous = ossemu.getLevel();
    ossemu.setLevel(Level.DEBUG); // every line the emulator writes, the access log included
    ossemu.setAdditive(false); // captured, not printed: a green build is quiet
    ossemu.addAppender(events);
    events.start();
    RamUser dev =
        new RamUser(
            "dev",
            List.of(new Account.AccessKey("dev-key", "dev-secret-XYZ")),
            List.of("oss:*"),
            null);
    secrets.add("dev-secret-XYZ");
    oss =
        OssEmulator.builder()
            .account(
                new Account(
                    "main",
                    Account.ownerIdFor("main"),
                    List.of(new Account.AccessKey("main-key", SECRET)),
                    List.of(dev)))
            .bucket(BUCKET)
            .stsCredentials(
                "main/dev", STS_ID, STS_SECRET, STS_TOKEN, Instant.now().plusSeconds(3600))
            .accessLog(true)
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    clients.forEach(OSS::shutdown);
    oss.close();
    Logger ossemu = (Logger) LoggerFactory.getLogger("dev.ossemu");
    ossemu.detachAppender(events);
    ossemu.setLevel(previous);
    ossemu.setAdditive(true);
  }

  private OSS client(SignVersion version, String id, String secret, String token) {
    ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
    conf.setSignatureVersion(version);
    conf.setMaxErrorRetry(0);
    OSS client =
        OSSClientBuilder.create()
            .endpoint(oss.endpoint())
            .credentialsProvider(
                token == null
                    ? new DefaultCredentialProvider(id, secret)
                    : new DefaultCredentialProvider(id, secret, token))
            .clientConfiguration(conf)
            .region(oss.region())
            .build();
    clients.add(client);
    return client;
  }

  /** Fetches a presigned URL; its signature and token values join the strings never written. */
  private int fetch(String url) throws Exception {
    for (String parameter : URI.create(url).getRawQuery().split("&")) {
      String[] pair = parameter.split("=", 2);
      if (pair.length == 2 && pair[0].matches("(?i)(x-oss-)?(signature|security-token)")) {
        secrets.add(pair[1]);
        secrets.add(URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
      }
    }
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private String presign(SignVersion version, String id, String secret, String token) {
    GeneratePresignedUrlRequest request =
        new GeneratePresignedUrlRequest(BUCKET, "a.txt", HttpMethod.GET);
    request.setExpiration(new Date(System.currentTimeMillis() + 600_000));
    return client(version, id, secret, token).generatePresignedUrl(request).toString();
  }

  private static String tamper(String url, String parameter) {
    int at = url.indexOf(parameter + "=") + parameter.length() + 1;
    return url.substring(0, at) + (url.charAt(at) == 'a' ? 'b' : 'a') + url.substring(at + 1);
  }

  @Test
  void writesNoSignatureTokenOrSecretAnywhere() throws Exception {
    client(SignVersion.V1, "main-key", SECRET, null)
        .putObject(BUCKET, "a.txt", new ByteArrayInputStream("hello".getBytes()));
    client(SignVersion.V4, "main-key", SECRET, null).getObject(BUCKET, "a.txt").close();
    client(SignVersion.V1, STS_ID, STS_SECRET, STS_TOKEN).getObject(BUCKET, "a.txt").close();
    client(SignVersion.V4, STS_ID, STS_SECRET, STS_TOKEN).getObject(BUCKET, "a.txt").close();
    // Forged STS header signatures: their StringToSign carries the token header line.
    for (SignVersion version : new SignVersion[] {SignVersion.V1, SignVersion.V4}) {
      try {
        client(version, STS_ID, "wrong-secret", STS_TOKEN).getObject(BUCKET, "a.txt").close();
      } catch (OSSException expected) {
        assertThat(expected.getErrorCode()).isEqualTo("SignatureDoesNotMatch");
      }
    }
    assertThat(sendHeaderSignedV1()).isEqualTo(200);

    for (SignVersion version : new SignVersion[] {SignVersion.V1, SignVersion.V4}) {
      String signature = version == SignVersion.V1 ? "Signature" : "x-oss-signature";
      assertThat(fetch(presign(version, "main-key", SECRET, null))).isEqualTo(200);
      String sts = presign(version, STS_ID, STS_SECRET, STS_TOKEN);
      assertThat(sts).containsIgnoringCase("security-token=");
      assertThat(fetch(sts)).isEqualTo(200);
      // A forged STS URL: the journal keeps StringToSign and canonical request, minus the token.
      assertThat(fetch(tamper(sts, signature))).isEqualTo(403);
    }

    String journal =
        http.send(
                HttpRequest.newBuilder(URI.create(oss.endpoint() + "/_emulator/requests")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    List<String> access = lines("dev.ossemu.access");
    String everything =
        journal
            + oss.requests()
            + events.list.stream()
                .map(e -> e.getFormattedMessage() + e.getThrowableProxy())
                .collect(Collectors.joining("\n"));
    assertThat(access).hasSizeGreaterThanOrEqualTo(13);
    for (String secret : secrets) {
      assertThat(everything).as("written down: %s", secret).doesNotContain(secret);
    }
    assertThat(String.join("\n", access))
        .contains("Signature=REDACTED")
        .contains("x-oss-signature=REDACTED")
        .contains("security-token=REDACTED")
        .contains("x-oss-security-token=REDACTED");

    List<JournalEntry> forged =
        oss.requests().stream().filter(e -> "SignatureDoesNotMatch".equals(e.errorCode())).toList();
    assertThat(forged).hasSize(4);
    assertThat(forged).allSatisfy(e -> assertThat(e.stringToSign()).isNotBlank());
    assertThat(forged)
        .filteredOn(e -> e.canonicalRequest() != null)
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.canonicalRequest()).contains("security-token"));
    assertThat(forged.stream().map(e -> e.stringToSign() + e.canonicalRequest()))
        .allSatisfy(text -> assertThat(text).contains("REDACTED"));
  }

  /** A V1 header signature made here, so that its exact value is known and looked for. */
  private int sendHeaderSignedV1() throws Exception {
    RawRequest request =
        RawRequest.of("GET", "/" + BUCKET + "/a.txt?response-content-type=text%2Fplain")
            .header("Host", "127.0.0.1:" + oss.port())
            .header("Connection", "close")
            .signV1("main-key", SECRET, Clock.systemUTC());
    String wire = new String(request.bytes(), StandardCharsets.ISO_8859_1);
    int at = wire.indexOf("Authorization: OSS main-key:") + "Authorization: OSS main-key:".length();
    secrets.add(wire.substring(at, wire.indexOf("\r\n", at)));
    try (Socket socket = new Socket("127.0.0.1", oss.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.bytes());
      out.flush();
      String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.UTF_8);
      return Integer.parseInt(status.substring(9, 12));
    }
  }

  private List<String> lines(String logger) {
    return events.list.stream()
        .filter(e -> e.getLoggerName().equals(logger))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }
}
