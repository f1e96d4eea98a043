package dev.ossemu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.SSEAlgorithm;
import com.aliyun.oss.model.ServerSideEncryptionByDefault;
import com.aliyun.oss.model.ServerSideEncryptionConfiguration;
import com.aliyun.oss.model.SetBucketEncryptionRequest;
import com.aliyun.sdk.service.oss2.OSSClient;
import com.aliyun.sdk.service.oss2.credentials.StaticCredentialsProvider;
import com.aliyun.sdk.service.oss2.exceptions.ServiceException;
import com.aliyun.sdk.service.oss2.models.GetBucketEncryptionRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossemu.OssEmulator;
import dev.ossemu.OssEmulatorBuilder;
import dev.ossemu.config.ConfigLoader;
import dev.ossemu.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Who may configure encryption, with the shipped example configuration: the owner, RAM users with
 * and without the permission, another account, and STS temporary credentials of a RAM user.
 */
class AccessControlIT {
  private static final String BUCKET = "examplebucket";
  private final MutableClock clock = new MutableClock();
  private OssEmulator oss;

  @BeforeEach
  void start() throws Exception {
    OssEmulatorBuilder builder = OssEmulator.builder().clock(clock);
    new ConfigLoader().load(Path.of("docker/oss-emulator.example.yaml"), builder);
    oss = builder.build().start();
  }

  @AfterEach
  void stop() {
    oss.close();
  }

  private OSS client(SignVersion version, String id, String secret, String token) {
    ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
    conf.setSignatureVersion(version);
    conf.setMaxErrorRetry(0);
    DefaultCredentialProvider credentials =
        token == null
            ? new DefaultCredentialProvider(id, secret)
            : new DefaultCredentialProvider(id, secret, token);
    return OSSClientBuilder.create()
        .endpoint(oss.endpoint())
        .credentialsProvider(credentials)
        .clientConfiguration(conf)
        .region(oss.region())
        .build();
  }

  private static SetBucketEncryptionRequest aes256() {
    ServerSideEncryptionConfiguration config = new ServerSideEncryptionConfiguration();
    config.setApplyServerSideEncryptionByDefault(
        new ServerSideEncryptionByDefault(SSEAlgorithm.AES256));
    return new SetBucketEncryptionRequest(BUCKET, config);
  }

  private static String algorithm(OSS client) {
    return client
        .getBucketEncryption(BUCKET)
        .getApplyServerSideEncryptionByDefault()
        .getSSEAlgorithm();
  }

  private static String errorCode(Runnable call) {
    return catchThrowableOfType(OSSException.class, call::run).getErrorCode();
  }

  @EachSignatureVersion
  void ramUsersMayDoOnlyWhatTheirPolicyAllows(SignVersion version) {
    OSS owner = client(version, "test-access-key", "test-secret-key", null);
    OSS reader = client(version, "reader-key", "reader-secret", null);
    OSS admin = client(version, "admin-key", "admin-secret", null);
    OSS other = client(version, "other-access-key", "other-secret-key", null);
    try {
      assertThat(algorithm(reader)).isEqualTo("KMS");
      OSSException denied =
          catchThrowableOfType(OSSException.class, () -> reader.setBucketEncryption(aes256()));
      assertThat(denied.getErrorCode()).isEqualTo("AccessDenied");
      assertThat(denied.getErrorMessage())
          .isEqualTo("You are not authorized to do this action. You should be authorized by RAM.");
      assertThat(errorCode(() -> reader.deleteBucketEncryption(BUCKET))).isEqualTo("AccessDenied");
      assertThat(errorCode(() -> reader.getBucketInfo("plainbucket"))).isEqualTo("AccessDenied");
      assertThat(errorCode(() -> other.getBucketEncryption(BUCKET))).isEqualTo("AccessDenied");
      assertThat(algorithm(owner)).isEqualTo("KMS");

      admin.setBucketEncryption(aes256());
      assertThat(algorithm(owner)).isEqualTo("AES256");
      owner.deleteBucketEncryption(BUCKET);
      assertThat(errorCode(() -> algorithm(reader))).isEqualTo("NoSuchServerSideEncryptionRule");
    } finally {
      owner.shutdown();
      reader.shutdown();
      admin.shutdown();
      other.shutdown();
    }
  }

  @EachSignatureVersion
  void stsCredentialsActAsTheirRamUserUntilTheyExpire(SignVersion version) throws Exception {
    JsonNode credentials =
        issue("{\"ramUser\":\"main/reader\",\"durationSeconds\":60}").get("Credentials");
    String id = credentials.get("AccessKeyId").asText();
    String secret = credentials.get("AccessKeySecret").asText();
    String token = credentials.get("SecurityToken").asText();
    assertThat(id).startsWith("STS.");
    assertThat(credentials.get("Expiration").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

    OSS sts = client(version, id, secret, token);
    OSS wrongToken = client(version, id, secret, token + "x");
    OSS noToken = client(version, id, secret, null);
    try {
      assertThat(algorithm(sts)).isEqualTo("KMS");
      assertThat(errorCode(() -> sts.setBucketEncryption(aes256()))).isEqualTo("AccessDenied");
      assertThat(errorCode(() -> algorithm(wrongToken))).isEqualTo("InvalidSecurityToken");
      assertThat(errorCode(() -> algorithm(noToken))).isEqualTo("InvalidAccessKeyId");

      clock.advance(Duration.ofSeconds(61));
      OSSException expired = catchThrowableOfType(OSSException.class, () -> algorithm(sts));
      assertThat(expired.getErrorCode()).isEqualTo("SecurityTokenExpired");
      assertThat(expired.getEC()).isEqualTo("0002-00000007");
    } finally {
      sts.shutdown();
      wrongToken.shutdown();
      noToken.shutdown();
    }
  }

  @EachSignatureVersion
  void fixedStsCredentialsFromTheConfigurationWork(SignVersion version) {
    OSS sts = client(version, "STS.ci-reader", "ci-reader-secret", "ci-reader-token");
    try {
      assertThat(algorithm(sts)).isEqualTo("KMS");
    } finally {
      sts.shutdown();
    }
  }

  @org.junit.jupiter.api.Test
  @SuppressWarnings("try") // OSSClient.close() declares InterruptedException
  void theV2SdksStsProviderWorksUntilExpiry() throws Exception {
    JsonNode credentials =
        issue("{\"ramUser\":\"main/reader\",\"durationSeconds\":60}").get("Credentials");
    try (OSSClient v2 =
        OSSClient.newBuilder()
            .credentialsProvider(
                new StaticCredentialsProvider(
                    credentials.get("AccessKeyId").asText(),
                    credentials.get("AccessKeySecret").asText(),
                    credentials.get("SecurityToken").asText()))
            .region(oss.region())
            .endpoint(oss.endpoint())
            .usePathStyle(true)
            .retryMaxAttempts(1)
            .build()) {
      GetBucketEncryptionRequest get =
          GetBucketEncryptionRequest.newBuilder().bucket(BUCKET).build();
      assertThat(
              v2.getBucketEncryption(get)
                  .serverSideEncryptionRule()
                  .applyServerSideEncryptionByDefault()
                  .sSEAlgorithm())
          .isEqualTo("KMS");
      clock.advance(Duration.ofSeconds(61));
      Throwable thrown =
          org.assertj.core.api.Assertions.catchThrowable(() -> v2.getBucketEncryption(get));
      ServiceException error = null;
      for (Throwable t = thrown; t != null && error == null; t = t.getCause()) {
        error = t instanceof ServiceException service ? service : null;
      }
      assertThat(error).isNotNull();
      assertThat(error.errorCode()).isEqualTo("SecurityTokenExpired");
    }
  }

  @org.junit.jupiter.api.Test
  void refusesStsRequestsForUnknownUsersOrBadJson() throws Exception {
    assertThat(post("{\"ramUser\":\"main/nobody\"}").statusCode()).isEqualTo(400);
    assertThat(post("{\"ramUser\":\"main/reader\",\"durationSeconds\":0}").statusCode())
        .isEqualTo(400);
    assertThat(post("{\"ramUser\":\"main/reader\",\"durationSeconds\":43201}").statusCode())
        .isEqualTo(400);
    HttpResponse<String> bad = post("not json");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(new ObjectMapper().readTree(bad.body()).get("error").asText())
        .isEqualTo("InvalidRequest");
  }

  private JsonNode issue(String body) throws Exception {
    HttpResponse<String> response = post(body);
    assertThat(response.statusCode()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  private HttpResponse<String> post(String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(oss.endpoint() + "/_emulator/sts/credentials"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
