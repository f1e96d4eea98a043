package dev.ossemu.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.UploadPartRequest;
import dev.ossemu.OssEmulator;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sequential multipart upload ({@code ?uploads&sequential}) completes into an object that carries
 * the Content-MD5 of its whole body, as the Go SDK's TestUploadFileWithSequential expects of OSS;
 * other multipart objects carry none, and no range answer does.
 */
class SequentialUploadIT {
  private static final String BUCKET = "sequential";

  @TempDir Path dir;

  private static String upload(OSS client, String key, byte[] whole, boolean sequential) {
    InitiateMultipartUploadRequest initiate = new InitiateMultipartUploadRequest(BUCKET, key);
    if (sequential) {
      initiate.setSequentialMode(true);
    }
    String uploadId = client.initiateMultipartUpload(initiate).getUploadId();
    List<PartETag> parts = new ArrayList<>();
    int cut = 100 * 1024;
    parts.add(part(client, key, uploadId, 1, Arrays.copyOfRange(whole, 0, cut)));
    parts.add(part(client, key, uploadId, 2, Arrays.copyOfRange(whole, cut, whole.length)));
    client.completeMultipartUpload(
        new CompleteMultipartUploadRequest(BUCKET, key, uploadId, parts));
    return uploadId;
  }

  private static PartETag part(OSS client, String key, String uploadId, int number, byte[] bytes) {
    UploadPartRequest request = new UploadPartRequest(BUCKET, key, uploadId, number, null, 0);
    request.setInputStream(new ByteArrayInputStream(bytes));
    request.setPartSize(bytes.length);
    return client.uploadPart(request).getPartETag();
  }

  private static String contentMd5(OSS client, String key) {
    return (String) client.getObjectMetadata(BUCKET, key).getRawMetadata().get("Content-MD5");
  }

  @Test
  void aSequentialUploadsObjectCarriesItsWholeMd5AcrossARestart() throws Exception {
    byte[] whole = new byte[100 * 1024 + 321];
    new Random(7).nextBytes(whole);
    String expected =
        Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(whole));

    try (OssEmulator oss = OssEmulator.builder().bucket(BUCKET).dataDir(dir).build().start()) {
      OSS client =
          JavaSdkV3Clients.client(oss, SignVersion.V4, oss.accessKeyId(), oss.accessKeySecret());
      try {
        upload(client, "sequential.bin", whole, true);
        upload(client, "parallel.bin", whole, false);
        assertThat(contentMd5(client, "sequential.bin")).isEqualTo(expected);
        assertThat(contentMd5(client, "parallel.bin")).isNull();
        GetObjectRequest range = new GetObjectRequest(BUCKET, "sequential.bin");
        range.setRange(0, 9);
        assertThat(client.getObject(range).getObjectMetadata().getRawMetadata())
            .doesNotContainKey("Content-MD5");
        assertThat(client.getObject(BUCKET, "sequential.bin").getObjectMetadata().getContentMD5())
            .isEqualTo(expected);
      } finally {
        client.shutdown();
      }
    }
    try (OssEmulator oss = OssEmulator.builder().dataDir(dir).build().start()) {
      OSS client =
          JavaSdkV3Clients.client(oss, SignVersion.V4, oss.accessKeyId(), oss.accessKeySecret());
      try {
        assertThat(contentMd5(client, "sequential.bin")).isEqualTo(expected);
        assertThat(contentMd5(client, "parallel.bin")).isNull();
      } finally {
        client.shutdown();
      }
    }
  }
}
