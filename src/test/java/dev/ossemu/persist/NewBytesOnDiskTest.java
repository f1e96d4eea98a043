package dev.ossemu.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.OssEmulator;
import dev.ossemu.blob.Crc64;
import dev.ossemu.testing.RawRequest;
import dev.ossemu.testing.RawResponse;
import dev.ossemu.testing.TestService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code --data-dir}, AppendObject and CompleteMultipartUpload cost their new bytes only
 * (issue 13, item 7): an append goes into the object's own data file, a completion links the parts'
 * files into the object's directory. Checked through the files themselves (name and inode), and
 * after a restart.
 */
class NewBytesOnDiskTest {
  private static final Clock CLOCK = Clock.systemUTC();
  private static final int MIB = 1 << 20;

  @TempDir Path data;
  private OssEmulator emulator;

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  private void start() {
    emulator =
        OssEmulator.builder()
            .port(0)
            .account(TestService.ACCESS_KEY_ID, TestService.SECRET)
            .maxStorageBytes(256L * MIB)
            .dataDir(data)
            .bucket("disk")
            .build()
            .start();
  }

  private void restart() {
    emulator.close();
    start();
  }

  private RawResponse send(RawRequest request) {
    try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.signV1(CLOCK).bytes());
      out.flush();
      return RawResponse.read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private RawResponse append(String key, long position, byte[] bytes) {
    RawResponse response =
        send(RawRequest.of("POST", "/disk/" + key + "?append&position=" + position).body(bytes));
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    return response;
  }

  /** The data files under {@code objects/disk/} (or another directory), by name: their inodes. */
  private Map<String, Object> dataFiles(Path directory) throws IOException {
    Map<String, Object> files = new TreeMap<>();
    if (!Files.isDirectory(directory)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".data")).toList()) {
        files.put(
            file.getFileName().toString(),
            Files.readAttributes(file, BasicFileAttributes.class).fileKey());
      }
    }
    return files;
  }

  private Path objects() {
    return data.resolve("objects").resolve("disk");
  }

  private static byte[] random(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static byte[] joined(byte[]... pieces) {
    int length = 0;
    for (byte[] piece : pieces) {
      length += piece.length;
    }
    byte[] out = new byte[length];
    int at = 0;
    for (byte[] piece : pieces) {
      System.arraycopy(piece, 0, out, at, piece.length);
      at += piece.length;
    }
    return out;
  }

  private static String crc(byte[] bytes) {
    Crc64 crc = new Crc64();
    crc.update(bytes, 0, bytes.length);
    return crc.value();
  }

  private static String md5Hex(byte[] bytes) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("MD5").digest(bytes))
        .toUpperCase(Locale.ROOT);
  }

  private void assertReads(String key, byte[] expected, String etag) {
    RawResponse read = send(RawRequest.of("GET", "/disk/" + key));
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).isEqualTo(expected);
    assertThat(read.headers().get("x-oss-hash-crc64ecma")).isEqualTo(crc(expected));
    assertThat(read.headers().get("etag")).isEqualTo(etag);
  }

  @Test
  void anAppendWritesOnlyItsBytesIntoTheObjectsOwnFile() throws Exception {
    start();
    byte[] first = random(8 * MIB, 1);
    byte[] second = random(1024, 2);
    append("log", 0, first);
    Map<String, Object> before = dataFiles(objects());
    assertThat(before).hasSize(1);

    RawResponse appended = append("log", first.length, second);

    byte[] whole = joined(first, second);
    String etag = "\"" + md5Hex(whole) + "\"";
    assertThat(appended.headers().get("x-oss-hash-crc64ecma")).isEqualTo(crc(whole));
    assertThat(dataFiles(objects()))
        .as("the same file (name and inode), and no new 8 MiB file")
        .isEqualTo(before);
    Path file = objects().resolve(before.keySet().iterator().next());
    assertThat(Files.size(file)).isEqualTo(whole.length);
    assertReads("log", whole, etag);

    restart();
    assertReads("log", whole, etag);
    byte[] third = random(3000, 3);
    append("log", whole.length, third);
    assertReads("log", joined(whole, third), "\"" + md5Hex(joined(whole, third)) + "\"");
    assertThat(dataFiles(objects())).isEqualTo(before);
  }

  @Test
  void bytesACrashedAppendLeftBeyondTheCommittedLengthAreIgnoredAndOverwritten() throws Exception {
    start();
    byte[] first = random(100 << 10, 4);
    append("log", 0, first);
    emulator.close();
    // An append interrupted after its bytes reached the file and before its metadata did.
    Path file = objects().resolve(dataFiles(objects()).keySet().iterator().next());
    Files.write(file, random(5000, 5), StandardOpenOption.APPEND);

    start();
    assertReads("log", first, "\"" + md5Hex(first) + "\"");
    byte[] second = random(10 << 10, 6);
    append("log", first.length, second);
    byte[] whole = joined(first, second);
    assertReads("log", whole, "\"" + md5Hex(whole) + "\"");
    assertThat(Files.size(file)).isEqualTo(whole.length);

    restart();
    assertReads("log", whole, "\"" + md5Hex(whole) + "\"");
  }

  @Test
  void aCompletedUploadIsMadeOfThePartsOwnFiles() throws Exception {
    start();
    String xml = send(RawRequest.of("POST", "/disk/mp?uploads")).text();
    String uploadId = xml.substring(xml.indexOf("<UploadId>") + 10, xml.indexOf("</UploadId>"));
    List<byte[]> parts = List.of(random(200 << 10, 7), random(300 << 10, 8), random(5000, 9));
    StringBuilder complete = new StringBuilder("<CompleteMultipartUpload>");
    StringBuilder partMd5s = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      RawResponse part =
          send(
              RawRequest.of("PUT", "/disk/mp?partNumber=" + (i + 1) + "&uploadId=" + uploadId)
                  .body(parts.get(i)));
      assertThat(part.status()).as(part.text()).isEqualTo(200);
      complete.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>");
      complete.append(part.headers().get("etag")).append("</ETag></Part>");
      partMd5s.append(md5Hex(parts.get(i)));
    }
    Path upload = data.resolve("uploads").resolve("disk").resolve(uploadId);
    List<Object> partInodes = List.copyOf(dataFiles(upload).values());
    assertThat(partInodes).hasSize(3);

    RawResponse completed =
        send(
            RawRequest.of("POST", "/disk/mp?uploadId=" + uploadId)
                .body(complete.append("</CompleteMultipartUpload>").toString()));

    assertThat(completed.status()).as(completed.text()).isEqualTo(200);
    byte[] whole = joined(parts.get(0), parts.get(1), parts.get(2));
    String etag =
        "\""
            + md5Hex(partMd5s.toString().getBytes(StandardCharsets.US_ASCII)) // OSS: of the hex
            + "-3\"";
    assertThat(completed.headers().get("etag")).isEqualTo(etag);
    assertThat(completed.headers().get("x-oss-hash-crc64ecma")).isEqualTo(crc(whole));
    assertThat(dataFiles(objects()).values())
        .as("the parts' files, moved: no new file of the object's size")
        .containsExactlyInAnyOrderElementsOf(partInodes);
    assertThat(upload).doesNotExist();
    assertReads("mp", whole, etag);

    restart();
    assertReads("mp", whole, etag);
    assertThat(
            send(RawRequest.of("PUT", "/disk/mp").body("over".getBytes(StandardCharsets.UTF_8)))
                .status())
        .isEqualTo(200);
    assertThat(dataFiles(objects())).as("an overwrite removes every segment").hasSize(1);
  }

  @Test
  void metadataWrittenBeforeSegmentsExistedStillLoads() throws Exception {
    start();
    byte[] body = random(70_000, 10);
    assertThat(send(RawRequest.of("PUT", "/disk/old").body(body)).status()).isEqualTo(200);
    emulator.close();
    Path meta;
    try (Stream<Path> files = Files.list(objects())) {
      meta = files.filter(p -> p.toString().endsWith(".meta")).findFirst().orElseThrow();
    }
    String json = new String(SealedDocument.unseal(meta), StandardCharsets.UTF_8);
    assertThat(json).contains(",\"segments\":null");
    byte[] old = json.replace(",\"segments\":null", "").getBytes(StandardCharsets.UTF_8);
    Files.write(meta, SealedDocument.seal(old));

    start();
    assertReads("old", body, "\"" + md5Hex(body) + "\"");
  }
}
