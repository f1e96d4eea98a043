package dev.ossemu.persist;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/** A checksummed document: {@code <crc32c hex>\n<json>}, so damage is noticed on reading. */
final class SealedDocument {
  private SealedDocument() {}

  /** {@code json} with its checksum line in front. */
  static byte[] seal(byte[] json) {
    CRC32C crc = new CRC32C();
    crc.update(json);
    byte[] header = (String.format("%08x", crc.getValue()) + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[header.length + json.length];
    System.arraycopy(header, 0, out, 0, header.length);
    System.arraycopy(json, 0, out, header.length, json.length);
    return out;
  }

  /** Writes {@code document} as sealed JSON to {@code file}, crash-safely. */
  static void write(DataDirectory data, ObjectMapper json, Path file, Object document) {
    try {
      data.write(file, seal(json.writeValueAsBytes(document)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The JSON of a sealed document.
   *
   * @throws DataDirectoryException when it is truncated or its checksum does not match
   */
  static byte[] unseal(Path file) throws DataDirectoryException {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new DataDirectoryException(file, "cannot read: " + e);
    }
    if (content.length < 9 || content[8] != '\n') {
      throw new DataDirectoryException(file, "truncated or not an emulator file");
    }
    byte[] json = new byte[content.length - 9];
    System.arraycopy(content, 9, json, 0, json.length);
    CRC32C crc = new CRC32C();
    crc.update(json);
    String expected = new String(content, 0, 8, StandardCharsets.UTF_8);
    if (!expected.equals(String.format("%08x", crc.getValue()))) {
      throw new DataDirectoryException(file, "bad checksum (damaged or truncated)");
    }
    return json;
  }
}
