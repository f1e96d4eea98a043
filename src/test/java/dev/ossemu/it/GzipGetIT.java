package dev.ossemu.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.ObjectMetadata;
import dev.ossemu.OssEmulator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Date;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GetObject with {@code Accept-Encoding: gzip}: OSS compresses objects of at least 1 KB of a few
 * text types, chunked, without ETag, Content-Length and Accept-Ranges, and keeps the CRC-64 and
 * Content-MD5 of the stored bytes (oss2's test_gzip_get and
 * test_get_object_with_url_to_file_chunked expect exactly that of OSS). Everything else is sent as
 * stored.
 */
class GzipGetIT {
  private static final String BUCKET = "gzip-get";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  private static byte[] text(int length) {
    byte[] bytes = new byte[length];
    Random random = new Random(length);
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) ('a' + random.nextInt(8));
    }
    return bytes;
  }

  private static void put(OSS client, String key, byte[] body, String type) {
    ObjectMetadata metadata = new ObjectMetadata();
    metadata.setContentType(type);
    client.putObject(BUCKET, key, new ByteArrayInputStream(body), metadata);
  }

  private static HttpResponse<byte[]> get(OSS client, String key, Map<String, String> headers)
      throws Exception {
    URI url =
        client
            .generatePresignedUrl(
                BUCKET, key, new Date(System.currentTimeMillis() + 600_000), HttpMethod.GET)
            .toURI();
    HttpRequest.Builder request = HttpRequest.newBuilder(url);
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] gunzip(byte[] body) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }

  @Test
  void compressesTextOfAtLeastOneKilobyteInMemoryAndOnDisk() throws Exception {
    for (OssEmulator oss :
        new OssEmulator[] {
          OssEmulator.builder().bucket(BUCKET).build(),
          OssEmulator.builder().bucket(BUCKET).dataDir(dir).build()
        }) {
      oss.start();
      OSS client =
          JavaSdkV3Clients.client(oss, SignVersion.V1, oss.accessKeyId(), oss.accessKeySecret());
      try {
        byte[] content = text(1024 * 1024 + 7);
        put(client, "page.txt", content, "text/plain; charset=utf-8");
        HttpResponse<byte[]> plain = get(client, "page.txt", Map.of());
        HttpResponse<byte[]> zipped = get(client, "page.txt", Map.of("Accept-Encoding", "gzip"));

        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(zipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(zipped.headers().firstValue("Content-Length")).isEmpty();
        assertThat(zipped.headers().firstValue("ETag")).isEmpty();
        assertThat(zipped.headers().firstValue("Accept-Ranges")).isEmpty();
        // The checks of the stored bytes stay: clients verify them after decompressing.
        assertThat(zipped.headers().firstValue("x-oss-hash-crc64ecma"))
            .isEqualTo(plain.headers().firstValue("x-oss-hash-crc64ecma"));
        assertThat(zipped.headers().firstValue("Content-MD5"))
            .isEqualTo(plain.headers().firstValue("Content-MD5"));
        assertThat(zipped.body().length).isLessThan(content.length);
        assertThat(gunzip(zipped.body())).isEqualTo(content);

        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.headers().firstValue("Content-Length"))
            .hasValue(String.valueOf(content.length));
        assertThat(plain.headers().firstValue("ETag")).isPresent();
        assertThat(plain.body()).isEqualTo(content);
      } finally {
        client.shutdown();
        oss.close();
      }
    }
  }

  @Test
  void sendsOtherObjectsAndRangesAsStored() throws Exception {
    try (OssEmulator oss = OssEmulator.builder().bucket(BUCKET).build().start()) {
      OSS client =
          JavaSdkV3Clients.client(oss, SignVersion.V4, oss.accessKeyId(), oss.accessKeySecret());
      try {
        put(client, "small.json", text(1023), "application/json");
        put(client, "exact.json", text(1024), "application/json");
        put(client, "binary.bin", text(4096), "application/octet-stream");
        Map<String, String> gzip = Map.of("Accept-Encoding", "gzip, deflate");

        assertThat(get(client, "small.json", gzip).headers().firstValue("Content-Length"))
            .hasValue("1023");
        HttpResponse<byte[]> exact = get(client, "exact.json", gzip);
        assertThat(exact.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(exact.body())).isEqualTo(text(1024));
        HttpResponse<byte[]> binary = get(client, "binary.bin", gzip);
        assertThat(binary.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(binary.body()).isEqualTo(text(4096));

        HttpResponse<byte[]> range =
            get(client, "exact.json", Map.of("Accept-Encoding", "gzip", "Range", "bytes=0-9"));
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(range.body().length).isEqualTo(10);

        HttpResponse<byte[]> refused =
            get(client, "exact.json", Map.of("Accept-Encoding", "gzip;q=0, identity"));
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
      } finally {
        client.shutdown();
      }
    }
  }
}
