package dev.ossemu.admin;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a JSON object of string fields by hand, byte for byte as Jackson's ObjectMapper writes it,
 * when every key and value is printable ASCII: the health answer, errors and refusals. A container
 * or test harness polls {@code /_emulator/health} from the first millisecond, and building an
 * ObjectMapper for that answer cost the standalone start a tenth of a second.
 */
final class FlatJson {
  private FlatJson() {}

  /**
   * The document, or null when a value is not a string or has a character outside {@code
   * 0x20–0x7E}: Jackson's own escaping then decides.
   */
  static byte[] write(Map<?, ?> fields) {
    StringBuilder json = new StringBuilder(64).append('{');
    for (Map.Entry<?, ?> field : fields.entrySet()) {
      if (!(field.getKey() instanceof String key) || !(field.getValue() instanceof String value)) {
        return null;
      }
      if (json.length() > 1) {
        json.append(',');
      }
      if (!appendString(json, key)) {
        return null;
      }
      json.append(':');
      if (!appendString(json, value)) {
        return null;
      }
    }
    return json.append('}').toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Quoted, with {@code "} and {@code \} escaped as Jackson does; false for any other escape. */
  private static boolean appendString(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        return false;
      }
      if (c == '"' || c == '\\') {
        json.append('\\');
      }
      json.append(c);
    }
    json.append('"');
    return true;
  }
}
