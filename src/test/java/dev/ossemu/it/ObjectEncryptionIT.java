package dev.ossemu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.InitiateMultipartUploadResult;
import com.aliyun.oss.model.ListObjectsV2Result;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.UploadPartRequest;
import com.aliyun.oss.model.UploadPartResult;
import dev.ossemu.OssEmulator;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.object.ObjectEncryption;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Objects under bucket default encryption, through the Java SDK 3.x (V1 and V4, with its CRC-64
 * checks on): every upload and read reports the encryption the object got when it was written.
 */
class ObjectEncryptionIT {
  /** Buckets with each kind of default rule, and the headers their objects must report. */
  private static final Map<String, EncryptionRule> BUCKETS = new java.util.LinkedHashMap<>();

  static {
    BUCKETS.put("plain-bucket", null);
    BUCKETS.put("aes-bucket", EncryptionRule.of(SseAlgorithm.AES256));
    BUCKETS.put("kms-bucket", new EncryptionRule(SseAlgorithm.KMS, "bucket-key", null));
    BUCKETS.put("kms-sm4-bucket", new EncryptionRule(SseAlgorithm.KMS, null, "SM4"));
  }

  private static OssEmulator oss;

  @BeforeAll
  static void start() {
    var builder = OssEmulator.builder();
    BUCKETS.forEach(builder::bucket);
    oss = builder.build().start();
  }

  @AfterAll
  static void stop() {
    oss.close();
  }

  private static OSS client(SignVersion version) {
    return JavaSdkV3Clients.client(oss, version, oss.accessKeyId(), oss.accessKeySecret());
  }

  /** The three SSE headers as OSS reports them for an object of a bucket with {@code rule}. */
  static void assertEncryption(Map<String, String> headers, EncryptionRule rule) {
    if (rule == null) {
      assertThat(headers).doesNotContainKey("x-oss-server-side-encryption");
      return;
    }
    assertThat(headers.get("x-oss-server-side-encryption")).isEqualTo(rule.algorithm().name());
    String key =
        rule.algorithm() != SseAlgorithm.KMS
            ? null
            : rule.kmsMasterKeyId() == null
                ? ObjectEncryption.DEFAULT_KMS_KEY_ID
                : rule.kmsMasterKeyId();
    assertThat(headers.get("x-oss-server-side-encryption-key-id")).isEqualTo(key);
    assertThat(headers.get("x-oss-server-side-data-encryption"))
        .isEqualTo(rule.kmsDataEncryption());
  }

  private static Map<String, String> headers(ObjectMetadata metadata) {
    Map<String, String> out = new java.util.TreeMap<>();
    metadata
        .getRawMetadata()
        .forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), String.valueOf(v)));
    return out;
  }

  private static String read(InputStream in) throws IOException {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @EachSignatureVersion
  void everyCallReportsTheEncryptionTheObjectGot(SignVersion version) throws Exception {
    OSS client = client(version);
    try {
      for (Map.Entry<String, EncryptionRule> bucket : BUCKETS.entrySet()) {
        roundTrip(client, bucket.getKey(), bucket.getValue(), "docs/" + version + ".txt");
      }
    } finally {
      client.shutdown();
    }
  }

  private static void roundTrip(OSS client, String bucket, EncryptionRule rule, String key)
      throws Exception {
    byte[] body = "hello, encrypted world".getBytes(StandardCharsets.UTF_8);
    // The 3.x SDK keeps no response headers on its results: the V2 test checks those per call;
    // here the SDK's CRC-64 checks run and each resulting object's metadata is checked.
    client.putObject(bucket, key, new ByteArrayInputStream(body));

    OSSObject got = client.getObject(bucket, key);
    assertThat(read(got.getObjectContent())).isEqualTo("hello, encrypted world");
    assertEncryption(headers(got.getObjectMetadata()), rule);
    assertEncryption(headers(client.getObjectMetadata(bucket, key)), rule);

    GetObjectRequest range = new GetObjectRequest(bucket, key);
    range.setRange(7, 15);
    assertThat(read(client.getObject(range).getObjectContent())).isEqualTo("encrypted");

    client.copyObject(bucket, key, bucket, key + ".copy");
    assertEncryption(headers(client.getObjectMetadata(bucket, key + ".copy")), rule);
    ListObjectsV2Result listed = client.listObjectsV2(bucket, "docs/");
    assertThat(listed.getObjectSummaries())
        .extracting(s -> s.getKey())
        .contains(key, key + ".copy");

    InitiateMultipartUploadResult initiated =
        client.initiateMultipartUpload(new InitiateMultipartUploadRequest(bucket, key + ".mp"));
    byte[] first = new byte[100 * 1024];
    Arrays.fill(first, (byte) 'a');
    List<PartETag> parts = new ArrayList<>();
    for (byte[] part : List.of(first, body)) {
      UploadPartRequest upload = new UploadPartRequest(bucket, key + ".mp");
      upload.setUploadId(initiated.getUploadId());
      upload.setPartNumber(parts.size() + 1);
      upload.setInputStream(new ByteArrayInputStream(part));
      upload.setPartSize(part.length);
      UploadPartResult uploaded = client.uploadPart(upload);
      parts.add(uploaded.getPartETag());
    }
    client.completeMultipartUpload(
        new CompleteMultipartUploadRequest(bucket, key + ".mp", initiated.getUploadId(), parts));
    ObjectMetadata multipart = client.getObjectMetadata(bucket, key + ".mp");
    assertThat(multipart.getContentLength()).isEqualTo(first.length + body.length);
    assertThat(multipart.getObjectType()).isEqualTo("Multipart");
    assertEncryption(headers(multipart), rule);
  }

  @EachSignatureVersion
  void anExplicitHeaderWinsAndLaterRuleChangesDoNotTouchObjects(SignVersion version)
      throws Exception {
    OSS client = client(version);
    try {
      ObjectMetadata sm4 = new ObjectMetadata();
      sm4.setServerSideEncryption("SM4");
      client.putObject(
          "kms-bucket", "explicit-" + version, new ByteArrayInputStream(new byte[3]), sm4);
      assertThat(
              client
                  .getObjectMetadata("kms-bucket", "explicit-" + version)
                  .getServerSideEncryption())
          .isEqualTo("SM4");

      client.putObject("aes-bucket", "before-" + version, new ByteArrayInputStream(new byte[3]));
      client.deleteBucketEncryption("aes-bucket");
      try {
        assertThat(
                client
                    .getObjectMetadata("aes-bucket", "before-" + version)
                    .getServerSideEncryption())
            .isEqualTo("AES256");
        client.putObject("aes-bucket", "after-" + version, new ByteArrayInputStream(new byte[3]));
        assertThat(
                client
                    .getObjectMetadata("aes-bucket", "after-" + version)
                    .getServerSideEncryption())
            .isNull();
      } finally {
        restoreAesRule(client);
      }
    } finally {
      client.shutdown();
    }
  }

  private static void restoreAesRule(OSS client) {
    var config = new com.aliyun.oss.model.ServerSideEncryptionConfiguration();
    config.setApplyServerSideEncryptionByDefault(
        new com.aliyun.oss.model.ServerSideEncryptionByDefault(
            com.aliyun.oss.model.SSEAlgorithm.AES256));
    client.setBucketEncryption(
        new com.aliyun.oss.model.SetBucketEncryptionRequest("aes-bucket", config));
  }

  @EachSignatureVersion
  void refusesInvalidSseHeadersAndPartsThatCarryThem(SignVersion version) {
    OSS client = client(version);
    try {
      ObjectMetadata bad = new ObjectMetadata();
      bad.setServerSideEncryption("DES");
      OSSException algorithm =
          catchThrowableOfType(
              OSSException.class,
              () ->
                  client.putObject(
                      "plain-bucket", "bad", new ByteArrayInputStream(new byte[1]), bad));
      assertThat(algorithm.getErrorCode()).isEqualTo("InvalidEncryptionAlgorithmError");
      assertThat(client.doesObjectExist("plain-bucket", "bad")).isFalse();

      OSSException notEmpty =
          catchThrowableOfType(OSSException.class, () -> client.deleteBucket("aes-bucket"));
      assertThat(notEmpty.getErrorCode()).isEqualTo("BucketNotEmpty");
      OSSException missing =
          catchThrowableOfType(OSSException.class, () -> client.getObject("plain-bucket", "none"));
      assertThat(missing.getErrorCode()).isEqualTo("NoSuchKey");
    } finally {
      client.shutdown();
    }
  }
}
