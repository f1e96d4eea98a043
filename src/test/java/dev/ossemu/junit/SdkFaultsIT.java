package dev.ossemu.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.model.SSEAlgorithm;
import com.aliyun.oss.model.ServerSideEncryptionByDefault;
import com.aliyun.oss.model.ServerSideEncryptionConfiguration;
import com.aliyun.oss.model.SetBucketEncryptionRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossemu.OssEmulator;
import dev.ossemu.admin.Fault;
import dev.ossemu.admin.JournalEntry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Faults and the journal as an SDK user meets them. */
@OssEmulatorTest(buckets = "examplebucket")
class SdkFaultsIT {

  @Test
  void theSdkRetryTurnsAOneShot503IntoSuccess(OSS client, OssEmulator oss) {
    ServerSideEncryptionConfiguration rule = new ServerSideEncryptionConfiguration();
    rule.setApplyServerSideEncryptionByDefault(new ServerSideEncryptionByDefault(SSEAlgorithm.KMS));
    client.setBucketEncryption(new SetBucketEncryptionRequest("examplebucket", rule));
    oss.fault(Fault.once("GetBucketEncryption", 503, "ServiceUnavailable"));

    String algorithm =
        client
            .getBucketEncryption("examplebucket")
            .getApplyServerSideEncryptionByDefault()
            .getSSEAlgorithm();

    assertThat(algorithm).isEqualTo("KMS");
    List<JournalEntry> gets =
        oss.requests().stream().filter(e -> "GetBucketEncryption".equals(e.operation())).toList();
    assertThat(gets).extracting(JournalEntry::status).containsExactly(503, 200);
    assertThat(gets.get(0).errorCode()).isEqualTo("ServiceUnavailable");
    assertThat(oss.faults()).isEmpty();
  }

  @Test
  void theJournalShowsWhatTheServerExpectedToBeSignedButNoSecret(OssEmulator oss) throws Exception {
    OSS wrong = new OSSClientBuilder().build(oss.endpoint(), oss.accessKeyId(), "wrong-secret");
    try {
      org.assertj.core.api.Assertions.catchThrowable(() -> wrong.getBucketInfo("examplebucket"));
    } finally {
      wrong.shutdown();
    }
    JournalEntry failed = oss.requests().get(oss.requests().size() - 1);
    assertThat(failed.operation()).isEqualTo("GetBucketInfo");
    assertThat(failed.status()).isEqualTo(403);
    assertThat(failed.errorCode()).isEqualTo("SignatureDoesNotMatch");
    assertThat(failed.accessKeyId()).isEqualTo(oss.accessKeyId());
    assertThat(failed.auth()).isNull();
    assertThat(failed.stringToSign()).startsWith("GET\n").endsWith("/examplebucket/?bucketInfo");

    String body =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(oss.endpoint() + "/_emulator/requests")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    JsonNode requests = new ObjectMapper().readTree(body).get("requests");
    assertThat(requests.get(requests.size() - 1).get("stringToSign").asText())
        .isEqualTo(failed.stringToSign());
    assertThat(body).doesNotContain(oss.accessKeySecret()).doesNotContain("wrong-secret");
  }
}
