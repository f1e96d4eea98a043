package dev.ossemu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.UploadPartRequest;
import dev.ossemu.OssEmulator;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code x-oss-complete-all: yes} completes an upload with every uploaded part, the body listing
 * none (issue 14 item 15; the Python SDK's test_multipart_yes sends no body at all, the Java SDK
 * here an empty {@code <CompleteMultipartUpload>}).
 */
class CompleteAllIT {
  private static final String BUCKET = "complete-all";
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
  void completesWithEveryUploadedPart() throws Exception {
    // The SDK would check the object's CRC-64 against the parts it listed: here none.
    com.aliyun.oss.ClientBuilderConfiguration conf =
        new com.aliyun.oss.ClientBuilderConfiguration();
    conf.setSignatureVersion(SignVersion.V4);
    conf.setMaxErrorRetry(0);
    conf.setCrcCheckEnabled(false);
    OSS client =
        com.aliyun.oss.OSSClientBuilder.create()
            .endpoint(oss.endpoint())
            .credentialsProvider(
                new com.aliyun.oss.common.auth.DefaultCredentialProvider(
                    oss.accessKeyId(), oss.accessKeySecret()))
            .clientConfiguration(conf)
            .region(oss.region())
            .build();
    try {
      String key = "all-parts.bin";
      String uploadId =
          client
              .initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, key))
              .getUploadId();
      byte[] whole = new byte[100 * 1024 + 10];
      new Random(15).nextBytes(whole);
      List<PartETag> uploaded = new ArrayList<>();
      // Uploaded out of order: the object is still in part-number order.
      uploaded.add(
          upload(client, key, uploadId, 2, Arrays.copyOfRange(whole, 100 * 1024, whole.length)));
      uploaded.add(upload(client, key, uploadId, 1, Arrays.copyOfRange(whole, 0, 100 * 1024)));

      CompleteMultipartUploadRequest listing =
          new CompleteMultipartUploadRequest(BUCKET, key, uploadId, new ArrayList<>(uploaded));
      listing.addHeader("x-oss-complete-all", "yes");
      OSSException contradicts =
          catchThrowableOfType(OSSException.class, () -> client.completeMultipartUpload(listing));
      assertThat(contradicts.getErrorCode()).isEqualTo("InvalidArgument");
      // Message and EC as the Go SDK v2's integration test observes them against OSS.
      assertThat(contradicts.getErrorMessage())
          .isEqualTo("Should not speficy both complete all header and http body.");
      assertThat(contradicts.getEC()).isEqualTo("0042-00000216");

      CompleteMultipartUploadRequest all =
          new CompleteMultipartUploadRequest(BUCKET, key, uploadId, new ArrayList<>());
      all.addHeader("x-oss-complete-all", "yes");
      client.completeMultipartUpload(all);
      try (InputStream in = client.getObject(BUCKET, key).getObjectContent()) {
        assertThat(in.readAllBytes()).isEqualTo(whole);
      }
    } finally {
      client.shutdown();
    }
  }

  private static PartETag upload(
      OSS client, String key, String uploadId, int number, byte[] bytes) {
    UploadPartRequest part = new UploadPartRequest(BUCKET, key);
    part.setUploadId(uploadId);
    part.setPartNumber(number);
    part.setPartSize(bytes.length);
    part.setInputStream(new ByteArrayInputStream(bytes));
    return client.uploadPart(part).getPartETag();
  }
}
