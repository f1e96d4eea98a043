package dev.ossemu.operation;

import static dev.ossemu.testing.SignedRequests.CLOCK;
import static dev.ossemu.testing.SignedRequests.OWNER;
import static dev.ossemu.testing.SignedRequests.bucket;
import static dev.ossemu.testing.SignedRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.blob.Blob;
import dev.ossemu.blob.BlobBuilder;
import dev.ossemu.blob.Crc64;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.InMemoryBucketStore;
import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.object.MultipartUpload;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.object.OssObject;
import dev.ossemu.request.OssResponse;
import dev.ossemu.xml.XmlCodec;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * AppendObject and CompleteMultipartUpload cost what the new bytes cost: the stored bytes are never
 * read again. The stored bodies here cannot be read at all (their data file does not exist), so any
 * re-hash fails the request.
 */
class NewBytesCostTest {
  private final InMemoryBucketStore buckets = new InMemoryBucketStore();
  private final ObjectStore objects = new InMemoryObjectStore(new StorageQuota(1L << 40));
  private final XmlCodec xml = new XmlCodec();
  private final BucketAccess access = new BucketAccess(buckets);
  private final ObjectOperations single = new ObjectOperations(access, objects, CLOCK);
  private final ObjectWriteOperations writes =
      new ObjectWriteOperations(access, objects, single, xml);
  private final MultipartOperations multipart =
      new MultipartOperations(access, objects, single, writes, xml, CLOCK);
  private final MultipartCompletion completion =
      new MultipartCompletion(access, objects, multipart, single, xml, CLOCK);

  NewBytesCostTest() {
    buckets.createIfAbsent(bucket("costs", OWNER, null));
    objects.createBucket("costs");
  }

  private static byte[] random(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  /** The checksums of {@code bytes} over bytes that cannot be read. */
  private static Blob unreadable(byte[] bytes) {
    BlobBuilder builder = new BlobBuilder(null);
    builder.append(bytes);
    return builder
        .build()
        .relocated(List.of(new Blob.FileSegment(Path.of("nowhere", "gone.data"), bytes.length)));
  }

  private static long crc(byte[]... pieces) {
    Crc64 crc = new Crc64();
    for (byte[] piece : pieces) {
      crc.update(piece, 0, piece.length);
    }
    return crc.getValue();
  }

  private static String etag(byte[]... pieces) throws Exception {
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    for (byte[] piece : pieces) {
      md5.update(piece);
    }
    return "\"" + HexFormat.of().formatHex(md5.digest()).toUpperCase(Locale.ROOT) + "\"";
  }

  @Test
  void anAppendHashesOnlyTheAppendedBytes() throws Exception {
    byte[] stored = random(3 << 20, 1);
    byte[] appended = random(1024, 2);
    Blob body = unreadable(stored);
    objects.update(
        "costs",
        "log",
        current ->
            new OssObject(
                "log",
                body,
                body.etag(),
                CLOCK.instant(),
                "Appendable",
                Map.of(),
                Map.of(),
                "default",
                "Standard",
                null));

    OssResponse response =
        writes.appendObject(
            request("POST", "/costs/log?append&position=" + stored.length)
                .body(appended)
                .callBy(OWNER));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers())
        .containsEntry("x-oss-hash-crc64ecma", Long.toUnsignedString(crc(stored, appended)))
        .containsEntry("ETag", etag(stored, appended))
        .containsEntry("x-oss-next-append-position", String.valueOf(stored.length + 1024));
  }

  @Test
  void completingAnUploadReadsNoPart() throws Exception {
    OssResponse initiated =
        multipart.initiateMultipartUpload(request("POST", "/costs/big?uploads").callBy(OWNER));
    String text = new String(initiated.body(), java.nio.charset.StandardCharsets.UTF_8);
    String uploadId = text.substring(text.indexOf("<UploadId>") + 10, text.indexOf("</UploadId>"));
    MultipartUpload upload = objects.upload("costs", uploadId).orElseThrow();
    byte[] first = random(200 * 1024, 3);
    byte[] second = random(5000, 4);
    StringBuilder listed = new StringBuilder("<CompleteMultipartUpload>");
    int number = 1;
    for (byte[] part : List.of(first, second)) {
      Blob blob = unreadable(part);
      objects.putPart("costs", upload, new MultipartUpload.Part(number, blob, CLOCK.instant()));
      listed
          .append("<Part><PartNumber>")
          .append(number++)
          .append("</PartNumber><ETag>")
          .append(blob.etag())
          .append("</ETag></Part>");
    }
    listed.append("</CompleteMultipartUpload>");

    OssResponse response =
        completion.completeMultipartUpload(
            request("POST", "/costs/big?uploadId=" + uploadId)
                .body(listed.toString())
                .callBy(OWNER));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers())
        .containsEntry("x-oss-hash-crc64ecma", Long.toUnsignedString(crc(first, second)));
    assertThat(response.headers().get("ETag")).endsWith("-2\"");
    assertThat(objects.get("costs", "big").orElseThrow().size())
        .isEqualTo(first.length + second.length);
  }
}
