package dev.ossemu.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 response read off a raw socket, framed by its Content-Length: enough to check the
 * order and content of pipelined answers.
 *
 * @param status the status code
 * @param headers the headers, names lower-cased
 * @param body the body bytes
 */
public record RawResponse(int status, Map<String, String> headers, byte[] body) {

  /** Reads the next response; skips interim (1xx) answers. */
  public static RawResponse read(InputStream in) throws IOException {
    while (true) {
      String statusLine = line(in);
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      Map<String, String> headers = new TreeMap<>();
      for (String line = line(in); !line.isEmpty(); line = line(in)) {
        int colon = line.indexOf(':');
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
      if (status < 200) {
        continue;
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      return new RawResponse(status, headers, in.readNBytes(length));
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("connection closed in a response head");
      }
      if (b != '\r') {
        out.write(b);
      }
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
