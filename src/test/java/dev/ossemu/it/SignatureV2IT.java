package dev.ossemu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.ObjectMetadata;
import dev.ossemu.OssEmulator;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java SDK 3.x signing with V2 ({@code OSS2}), header and presigned URL (issue 14 item 18). */
class SignatureV2IT {
  private static final String BUCKET = "signature-v2";
  private static OssEmulator oss;

  @BeforeAll
  static void start() {
    oss = OssEmulator.builder().bucket(BUCKET).build().start();
  }

  @AfterAll
  static void stop() {
    oss.close();
  }

  @Test
  void signsRequestsAndUrlsWithV2() throws Exception {
    OSS client =
        JavaSdkV3Clients.client(oss, SignVersion.V2, oss.accessKeyId(), oss.accessKeySecret());
    try {
      ObjectMetadata metadata = new ObjectMetadata();
      metadata.addUserMetadata("author", "alice");
      String key = "v2/key é+1.txt";
      client.putObject(
          BUCKET,
          key,
          new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)),
          metadata);
      try (InputStream in = client.getObject(BUCKET, key).getObjectContent()) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
      }
      assertThat(client.listObjects(BUCKET, "v2/").getObjectSummaries()).hasSize(1);
      assertThat(oss.requests().get(oss.requests().size() - 1).auth()).isEqualTo("V2");

      URI url =
          client
              .generatePresignedUrl(BUCKET, key, new Date(System.currentTimeMillis() + 60_000))
              .toURI();
      HttpResponse<String> get =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(get.body()).isEqualTo("hello");
    } finally {
      client.shutdown();
    }
    OSS wrong = JavaSdkV3Clients.client(oss, SignVersion.V2, oss.accessKeyId(), "not-the-secret");
    try {
      OSSException refused =
          catchThrowableOfType(OSSException.class, () -> wrong.getObject(BUCKET, "v2/x"));
      assertThat(refused.getErrorCode()).isEqualTo("SignatureDoesNotMatch");
    } finally {
      wrong.shutdown();
    }
  }
}
