package dev.ossemu.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.AppendObjectRequest;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.UploadPartRequest;
import dev.ossemu.OssEmulator;
import dev.ossemu.testing.WireClient;
import dev.ossemu.testing.WireClient.Reply;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What OSS tells about an object's content: multipart ETag, Content-MD5, append position. */
class ObjectChecksIT {
  private static final String BUCKET = "object-checks";
  private OssEmulator oss;
  private OSS client;
  private WireClient wire;

  @BeforeEach
  void start() {
    oss = OssEmulator.builder().bucket(BUCKET).build().start();
    client = JavaSdkV3Clients.client(oss, SignVersion.V1, oss.accessKeyId(), oss.accessKeySecret());
    wire = new WireClient(oss.port(), oss.accessKeyId(), oss.accessKeySecret());
  }

  @AfterEach
  void stop() {
    client.shutdown();
    oss.close();
  }

  private static byte[] md5(byte[] bytes) throws Exception {
    return MessageDigest.getInstance("MD5").digest(bytes);
  }

  @Test
  void givesAMultipartObjectTheEtagOfItsPartsHexMd5s() throws Exception {
    byte[] data = new byte[482_048];
    new Random(7).nextBytes(data);
    String uploadId =
        client
            .initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, "big"))
            .getUploadId();
    List<PartETag> etags = new ArrayList<>();
    StringBuilder hexMd5s = new StringBuilder();
    for (int offset = 0, number = 1; offset < data.length; offset += 102_400, number++) {
      int length = Math.min(102_400, data.length - offset);
      byte[] part = java.util.Arrays.copyOfRange(data, offset, offset + length);
      hexMd5s.append(HexFormat.of().withUpperCase().formatHex(md5(part)));
      etags.add(
          client
              .uploadPart(
                  new UploadPartRequest(
                      BUCKET, "big", uploadId, number, new ByteArrayInputStream(part), length))
              .getPartETag());
    }

    String etag =
        client
            .completeMultipartUpload(
                new CompleteMultipartUploadRequest(BUCKET, "big", uploadId, etags))
            .getETag();

    String expected =
        HexFormat.of()
            .withUpperCase()
            .formatHex(md5(hexMd5s.toString().getBytes(StandardCharsets.US_ASCII)));
    assertThat(etag).isEqualTo(expected + "-5");
    assertThat(client.getObjectMetadata(BUCKET, "big").getETag()).isEqualTo(expected + "-5");
  }

  @Test
  void headsASimplyUploadedObjectWithItsContentMd5() throws Exception {
    byte[] body = "simple body".getBytes(StandardCharsets.UTF_8);
    client.putObject(BUCKET, "simple", new ByteArrayInputStream(body));

    ObjectMetadata head = client.getObjectMetadata(BUCKET, "simple");

    assertThat(head.getContentMD5()).isEqualTo(Base64.getEncoder().encodeToString(md5(body)));
  }

  @Test
  void tellsTheNextAppendPositionOnHeadAndGet() throws Exception {
    AppendObjectRequest append =
        new AppendObjectRequest(BUCKET, "log", new ByteArrayInputStream("12345".getBytes()));
    append.setPosition(0L);
    assertThat(client.appendObject(append).getNextPosition()).isEqualTo(5L);

    ObjectMetadata head = client.getObjectMetadata(BUCKET, "log");
    assertThat(head.getRawMetadata().get("x-oss-next-append-position")).isEqualTo("5");
    try (OSSObject object = client.getObject(BUCKET, "log")) {
      assertThat(object.getObjectMetadata().getRawMetadata().get("x-oss-next-append-position"))
          .isEqualTo("5");
    }
  }

  @Test
  void refusesAWrongPositionWithOssMessageAndEc() {
    AppendObjectRequest first =
        new AppendObjectRequest(BUCKET, "log", new ByteArrayInputStream("abc".getBytes()));
    first.setPosition(0L);
    client.appendObject(first);
    AppendObjectRequest again =
        new AppendObjectRequest(BUCKET, "log", new ByteArrayInputStream("abc".getBytes()));
    again.setPosition(0L);

    OSSException refused =
        catchThrowableOfType(OSSException.class, () -> client.appendObject(again));

    assertThat(refused.getErrorCode()).isEqualTo("PositionNotEqualToLength");
    // ali-oss's suite compares the message exactly.
    assertThat(refused.getErrorMessage()).isEqualTo("Position is not equal to file length");
    assertThat(refused.getEC()).isEqualTo("0026-00000016");
  }

  @Test
  void refusesAnAppendWithoutPositionAsMissingArgument() {
    Reply reply = wire.send("POST", BUCKET, "log", "append", "", Map.of(), "x".getBytes());

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.text()).contains("<Code>MissingArgument</Code>", "<EC>0016-00000501</EC>");
    assertThat(reply.header("x-oss-ec")).isEqualTo("0016-00000501");
  }

  @ParameterizedTest
  @ValueSource(strings = {"If-Modified-Since", "If-Unmodified-Since", "If-Match", "If-None-Match"})
  void refusesAConditionalPutObjectAsOssDocumentsIt(String condition) {
    String value = condition.endsWith("Since") ? "Thu, 09 Feb 2023 06:41:44 GMT" : "\"etag\"";
    Reply reply =
        wire.send("PUT", BUCKET, "cond", "", "", Map.of(condition, value), "x".getBytes());

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.text())
        .contains(
            "<Code>NotImplemented</Code>",
            "<Header>" + condition + "</Header>",
            "<EC>0017-00000245</EC>"); // DOC EC page 0017-00000245
    assertThat(client.doesObjectExist(BUCKET, "cond")).isFalse();
  }

  @Test
  void refusesToAppendToANormalObjectWithOssEc() {
    client.putObject(BUCKET, "plain", new ByteArrayInputStream("abc".getBytes()));
    AppendObjectRequest append =
        new AppendObjectRequest(BUCKET, "plain", new ByteArrayInputStream("def".getBytes()));
    append.setPosition(3L);

    OSSException refused =
        catchThrowableOfType(OSSException.class, () -> client.appendObject(append));

    assertThat(refused.getErrorCode()).isEqualTo("ObjectNotAppendable");
    assertThat(refused.getEC()).isEqualTo("0026-00000017"); // DOC EC page 0026-00000017
    assertThat(client.getObjectMetadata(BUCKET, "plain").getContentLength()).isEqualTo(3L);
  }

  @Test
  void refusesAPartNumberOutOfRangeAsOssDocumentsIt() {
    String uploadId =
        client
            .initiateMultipartUpload(new InitiateMultipartUploadRequest(BUCKET, "parts"))
            .getUploadId();

    Reply reply =
        wire.send(
            "PUT",
            BUCKET,
            "parts",
            "partNumber=10001&uploadId=" + uploadId,
            "",
            Map.of(),
            "x".getBytes());

    // DOC EC page 0017-00000220 shows this document.
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.text())
        .contains(
            "<Code>InvalidArgument</Code>",
            "<Message>Part number must be an integer between 1 and 10000, inclusive.</Message>",
            "<ArgumentName>PartNumber</ArgumentName>",
            "<ArgumentValue>10001</ArgumentValue>",
            "<EC>0017-00000220</EC>");
    assertThat(reply.header("x-oss-ec")).isEqualTo("0017-00000220");
  }
}
