package dev.ossemu.it;

import com.aliyun.sdk.service.oss2.OSSClient;
import com.aliyun.sdk.service.oss2.credentials.StaticCredentialsProvider;
import com.aliyun.sdk.service.oss2.models.AppendObjectRequest;
import com.aliyun.sdk.service.oss2.models.CompleteMultipartUpload;
import com.aliyun.sdk.service.oss2.models.CompleteMultipartUploadRequest;
import com.aliyun.sdk.service.oss2.models.CopyObjectRequest;
import com.aliyun.sdk.service.oss2.models.GetObjectRequest;
import com.aliyun.sdk.service.oss2.models.GetObjectResult;
import com.aliyun.sdk.service.oss2.models.HeadObjectRequest;
import com.aliyun.sdk.service.oss2.models.InitiateMultipartUploadRequest;
import com.aliyun.sdk.service.oss2.models.InitiateMultipartUploadResult;
import com.aliyun.sdk.service.oss2.models.Part;
import com.aliyun.sdk.service.oss2.models.PutObjectRequest;
import com.aliyun.sdk.service.oss2.models.ResultModel;
import com.aliyun.sdk.service.oss2.models.UploadPartRequest;
import com.aliyun.sdk.service.oss2.models.UploadPartResult;
import com.aliyun.sdk.service.oss2.transport.BinaryData;
import dev.ossemu.OssEmulator;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.SseAlgorithm;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSE response headers of every object call, through the Java SDK V2 (which keeps response
 * headers on its results): PutObject, GetObject, HeadObject, CopyObject, AppendObject, and Initiate
 * / UploadPart / Complete of a multipart upload (spec §8a).
 */
class ObjectEncryptionV2IT {
  private static final Map<String, EncryptionRule> RULES = new java.util.LinkedHashMap<>();

  static {
    RULES.put("plain-bucket", null);
    RULES.put("aes-bucket", EncryptionRule.of(SseAlgorithm.AES256));
    RULES.put("kms-bucket", new EncryptionRule(SseAlgorithm.KMS, "bucket-key", null));
    RULES.put("kms-sm4-bucket", new EncryptionRule(SseAlgorithm.KMS, null, "SM4"));
  }

  private static OssEmulator oss;

  @BeforeAll
  static void start() {
    var builder = OssEmulator.builder();
    RULES.forEach(builder::bucket);
    oss = builder.build().start();
  }

  @AfterAll
  static void stop() {
    oss.close();
  }

  private static Map<String, String> headers(ResultModel result) {
    Map<String, String> out = new TreeMap<>();
    result.headers().forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain-bucket", "aes-bucket", "kms-bucket", "kms-sm4-bucket"})
  @SuppressWarnings("try") // OSSClient.close() declares InterruptedException
  void everyObjectCallReportsTheObjectsEncryption(String bucket) throws Exception {
    EncryptionRule rule = RULES.get(bucket);
    try (OSSClient v2 =
        OSSClient.newBuilder()
            .credentialsProvider(
                new StaticCredentialsProvider(oss.accessKeyId(), oss.accessKeySecret()))
            .region(oss.region())
            .endpoint(oss.endpoint())
            .usePathStyle(true)
            .build()) {
      ObjectEncryptionIT.assertEncryption(
          headers(
              v2.putObject(
                  PutObjectRequest.newBuilder()
                      .bucket(bucket)
                      .key("v2.txt")
                      .body(BinaryData.fromString("hello"))
                      .build())),
          rule);
      GetObjectResult got =
          v2.getObject(GetObjectRequest.newBuilder().bucket(bucket).key("v2.txt").build());
      got.body().close();
      ObjectEncryptionIT.assertEncryption(headers(got), rule);
      ObjectEncryptionIT.assertEncryption(
          headers(
              v2.headObject(HeadObjectRequest.newBuilder().bucket(bucket).key("v2.txt").build())),
          rule);
      ObjectEncryptionIT.assertEncryption(
          headers(
              v2.copyObject(
                  CopyObjectRequest.newBuilder()
                      .bucket(bucket)
                      .key("v2-copy.txt")
                      .sourceBucket(bucket)
                      .sourceKey("v2.txt")
                      .build())),
          rule);
      ObjectEncryptionIT.assertEncryption(
          headers(
              v2.appendObject(
                  AppendObjectRequest.newBuilder()
                      .bucket(bucket)
                      .key("v2-log.txt")
                      .position(0L)
                      .body(BinaryData.fromString("line 1\n"))
                      .build())),
          rule);
      multipart(v2, bucket, rule);
    }
  }

  private static void multipart(OSSClient v2, String bucket, EncryptionRule rule) {
    InitiateMultipartUploadResult initiated =
        v2.initiateMultipartUpload(
            InitiateMultipartUploadRequest.newBuilder().bucket(bucket).key("v2-mp.bin").build());
    ObjectEncryptionIT.assertEncryption(headers(initiated), rule);
    String uploadId = initiated.initiateMultipartUpload().uploadId();
    UploadPartResult part =
        v2.uploadPart(
            UploadPartRequest.newBuilder()
                .bucket(bucket)
                .key("v2-mp.bin")
                .uploadId(uploadId)
                .partNumber(1L)
                .body(BinaryData.fromString("only part"))
                .build());
    ObjectEncryptionIT.assertEncryption(headers(part), rule);
    ObjectEncryptionIT.assertEncryption(
        headers(
            v2.completeMultipartUpload(
                CompleteMultipartUploadRequest.newBuilder()
                    .bucket(bucket)
                    .key("v2-mp.bin")
                    .uploadId(uploadId)
                    .completeMultipartUpload(
                        CompleteMultipartUpload.newBuilder()
                            .parts(
                                List.of(Part.newBuilder().partNumber(1L).eTag(part.eTag()).build()))
                            .build())
                    .build())),
        rule);
  }
}
