package dev.ossemu.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;
import com.aliyun.sdk.service.oss2.OSSClient;
import com.aliyun.sdk.service.oss2.credentials.StaticCredentialsProvider;
import com.aliyun.sdk.service.oss2.models.HeadObjectRequest;
import com.aliyun.sdk.service.oss2.models.PutObjectRequest;
import dev.ossemu.OssEmulator;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.testing.MutableClock;
import dev.ossemu.testing.Presigner;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Presigned URLs made by the SDKs, fetched with a plain HTTP client: valid, tampered, expired. */
class PresignedUrlIT {
  private static final String BUCKET = "examplebucket";
  private static final String RULE =
      "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>SM4"
          + "</SSEAlgorithm></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>";
  private final MutableClock clock = new MutableClock();
  private final HttpClient http = HttpClient.newHttpClient();
  private OssEmulator oss;
  private OSS v3;

  @BeforeEach
  void start() {
    oss =
        OssEmulator.builder()
            .clock(clock)
            .bucket(BUCKET, EncryptionRule.of(SseAlgorithm.AES256))
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    if (v3 != null) {
      v3.shutdown();
    }
    oss.close();
  }

  /** A presigned {@code ?encryption} URL (see {@link Presigner} for why not from the SDK). */
  private String presign(SignVersion version, String method, long validSeconds) throws Exception {
    if (version == SignVersion.V1) {
      long expires = clock.instant().getEpochSecond() + validSeconds;
      return Presigner.v1(
          oss.endpoint(), method, BUCKET, "test-access-key", "test-secret-key", expires);
    }
    return Presigner.v4(
        oss.endpoint(),
        method,
        BUCKET,
        "test-access-key",
        "test-secret-key",
        oss.region(),
        clock.instant(),
        validSeconds);
  }

  /** A presigned object URL made by the Java SDK 3.x. */
  private URL presignObject(SignVersion version, HttpMethod method, String key, Date expiration) {
    ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
    conf.setSignatureVersion(version);
    v3 =
        OSSClientBuilder.create()
            .endpoint(oss.endpoint())
            .credentialsProvider(
                new DefaultCredentialProvider("test-access-key", "test-secret-key"))
            .clientConfiguration(conf)
            .region(oss.region())
            .build();
    GeneratePresignedUrlRequest request = new GeneratePresignedUrlRequest(BUCKET, key, method);
    request.setExpiration(expiration);
    return v3.generatePresignedUrl(request);
  }

  private HttpResponse<String> send(String method, String url, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Date inSeconds(long seconds) {
    return new Date(System.currentTimeMillis() + seconds * 1000);
  }

  @EachSignatureVersion
  void getsAndPutsTheRuleThroughPresignedUrls(SignVersion version) throws Exception {
    String get = presign(version, "GET", 300);
    HttpResponse<String> read = send("GET", get, null);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(read.body()).contains("<SSEAlgorithm>AES256</SSEAlgorithm>");

    String put = presign(version, "PUT", 300);
    HttpResponse<String> write = send("PUT", put, RULE);
    assertThat(write.statusCode()).as(write.body()).isEqualTo(200);
    assertThat(send("GET", get, null).body()).contains("<SSEAlgorithm>SM4</SSEAlgorithm>");
  }

  @EachSignatureVersion
  void refusesATamperedUrlAndChangesNothing(SignVersion version) throws Exception {
    String put = presign(version, "PUT", 300);
    String parameter = version == SignVersion.V1 ? "Signature=" : "x-oss-signature=";
    int at = put.indexOf(parameter) + parameter.length();
    char flipped = put.charAt(at) == 'a' ? 'b' : 'a';
    String tampered = put.substring(0, at) + flipped + put.substring(at + 1);

    HttpResponse<String> response = send("PUT", tampered, RULE);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("<Code>SignatureDoesNotMatch</Code>");
    assertThat(send("GET", presign(version, "GET", 300), null).body())
        .contains("<SSEAlgorithm>AES256</SSEAlgorithm>");
  }

  @EachSignatureVersion
  void refusesAnExpiredUrl(SignVersion version) throws Exception {
    String get = presign(version, "GET", 60);
    clock.advance(Duration.ofMinutes(20));

    HttpResponse<String> response = send("GET", get, null);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body())
        .contains("<Code>AccessDenied</Code>")
        .contains("<Message>Request has expired.</Message>")
        .contains(version == SignVersion.V1 ? "0002-00000069" : "0002-00000236");
  }

  @Test
  void refusesUrlsWithMissingOrOutOfRangeParameters() throws Exception {
    HttpResponse<String> missing =
        send(
            "GET",
            oss.endpoint() + "/" + BUCKET + "/?encryption&OSSAccessKeyId=test-access-key",
            null);
    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(missing.body())
        .contains(
            "Query-string authentication requires the Signature, Expires and OSSAccessKeyId"
                + " parameters");

    String v4 = presign(SignVersion.V4, "GET", 60);
    String tooLong = v4.replaceFirst("x-oss-expires=\\d+", "x-oss-expires=604801");
    HttpResponse<String> range = send("GET", tooLong, null);
    assertThat(range.statusCode()).isEqualTo(403);
    assertThat(range.body()).contains("<EC>0002-00000232</EC>");
  }

  @EachSignatureVersion
  void checksTheJavaSdksPresignedObjectUrls(SignVersion version) throws Exception {
    String put = presignObject(version, HttpMethod.PUT, "report.pdf", inSeconds(60)).toString();
    assertThat(send("PUT", put, "quarterly numbers").statusCode()).isEqualTo(200);
    String url = presignObject(version, HttpMethod.GET, "report.pdf", inSeconds(60)).toString();

    HttpResponse<String> read = send("GET", url, null);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).isEqualTo("quarterly numbers");
    assertThat(read.headers().firstValue("x-oss-server-side-encryption")).contains("AES256");
    HttpResponse<String> forged = send("GET", url.replace("report.pdf", "other.pdf"), null);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("<Code>SignatureDoesNotMatch</Code>");
    clock.advance(Duration.ofMinutes(20));
    HttpResponse<String> expired = send("GET", url, null);
    assertThat(expired.statusCode()).isEqualTo(403);
    assertThat(expired.body()).contains("<Message>Request has expired.</Message>");
  }

  @Test
  @SuppressWarnings("try") // OSSClient.close() declares InterruptedException
  void acceptsTheV2SdksPresignedUrlsOnlyWhenIntact() throws Exception {
    try (OSSClient v2 =
        OSSClient.newBuilder()
            .credentialsProvider(
                new StaticCredentialsProvider("test-access-key", "test-secret-key"))
            .region(oss.region())
            .endpoint(oss.endpoint())
            .usePathStyle(true)
            .build()) {
      String url =
          v2.presign(HeadObjectRequest.newBuilder().bucket(BUCKET).key("report.pdf").build()).url();
      assertThat(url).contains("x-oss-signature-version=OSS4-HMAC-SHA256");

      assertThat(send("HEAD", url, null).statusCode()).isEqualTo(404); // not uploaded yet
      String put =
          v2.presign(PutObjectRequest.newBuilder().bucket(BUCKET).key("report.pdf").build()).url();
      assertThat(send("PUT", put, "quarterly numbers").statusCode()).isEqualTo(200);
      HttpResponse<String> head = send("HEAD", url, null);
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.headers().firstValue("Content-Length")).contains("17");
      String forged = url.replace("report.pdf", "other.pdf");
      HttpResponse<String> response = send("HEAD", forged, null);
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.headers().firstValue("x-oss-err")).isPresent();
      clock.advance(Duration.ofDays(8));
      assertThat(send("HEAD", url, null).statusCode()).isEqualTo(403);
    }
  }
}
