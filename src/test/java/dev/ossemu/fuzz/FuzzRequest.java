package dev.ossemu.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A request as parts (request line, header lines, body) and the mutations the fuzz test applies to
 * it: to its structure (header names and values, framing headers, chunked bodies, XML bodies, the
 * request line) and then to its bytes. Each mutation draws from its own seeded {@link Random}, so a
 * case is reproduced from its seeds alone.
 */
final class FuzzRequest {
  private static final byte[] INTERESTING_BYTES = {
    0x00,
    0x01,
    0x08,
    0x0b,
    0x1f,
    0x7f,
    (byte) 0x80,
    (byte) 0xff,
    '\r',
    '\n',
    ' ',
    '\t',
    ':',
    '%',
    '&',
    '<',
    (byte) 0xc3,
    (byte) 0xa9,
    (byte) 0xed,
    (byte) 0xa0
  };

  private static final String[] HEADER_VALUES = {
    "",
    " ",
    "\u0001",
    "a\u0001b",
    "caf\u00e9",
    "\u00ff\u00fe",
    "&#x1;",
    "x".repeat(20_000),
    "%01",
    "\t",
    "a\u007fb",
    "<Error>",
    "\u00ed\u00a0\u0080"
  };

  private static final String[] HEADER_NAMES = {
    "", "Bad Name", "X-\u0001", "x-oss-meta-\u00e9", ":", "Content-Length ", "Host\t", "x(y)"
  };

  private static final String[] FRAMING = {
    "Content-Length: 0",
    "Content-Length: 99999999999",
    "Content-Length: -1",
    "Content-Length: 1x",
    "Content-Length: 3",
    "Content-Length: 3, 3",
    "Transfer-Encoding: chunked",
    "Transfer-Encoding: gzip, chunked",
    "Transfer-Encoding: xchunked",
    "Transfer-Encoding: chunked, identity",
    "Transfer-Encoding: CHUNKED",
    "Expect: 100-continue",
    "Expect: 200-ok",
    "Connection: close",
    "Connection: keep-alive, Upgrade",
    "Upgrade: h2c",
    "Host: evil\u0001.example",
    "Host:",
  };

  private static final String[] XML_INSERTS = {
    "\u0001",
    "&#x1;",
    "&#1;",
    "&#xFFFE;",
    "<!DOCTYPE a [<!ENTITY x 'y'>]>",
    "]]>",
    "&x;",
    "\uFFFE",
    "<",
    "&",
    "</Unclosed>",
    "\u00e9",
    "\r\n"
  };

  private static final String[] VERSIONS = {
    "HTTP/1.0", "HTTP/2.0", "HTTP/1.2", "HTTP/9", "HTTP/1.1x", "http/1.1", "HTTP/", ""
  };

  String method;
  String target;
  String version;
  final List<String> headers;
  byte[] body;

  FuzzRequest(String method, String target, String version, List<String> headers, byte[] body) {
    this.method = method;
    this.target = target;
    this.version = version;
    this.headers = new ArrayList<>(headers);
    this.body = body;
  }

  /** Parses raw request bytes as a test builder wrote them (one request, Content-Length framed). */
  static FuzzRequest parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String[] lines = text.substring(0, end).split("\r\n");
    String[] requestLine = lines[0].split(" ", 3);
    List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
    byte[] body = text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
    return new FuzzRequest(requestLine[0], requestLine[1], requestLine[2], headers, body);
  }

  byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(target).append(' ').append(version).append("\r\n");
    headers.forEach(h -> head.append(h).append("\r\n"));
    head.append("\r\n");
    // ISO-8859-1 keeps every char below 256 as one byte; anything above goes as UTF-8 would.
    for (char c : head.toString().toCharArray()) {
      if (c < 256) {
        out.write(c);
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** Applies one structural mutation chosen by {@code seed}. */
  void mutate(long seed) {
    Random random = new Random(seed);
    switch (random.nextInt(7)) {
      case 0 -> mutateHeaderValue(random);
      case 1 -> mutateHeaderName(random);
      case 2 -> headers.add(random.nextInt(headers.size() + 1), pick(random, FRAMING));
      case 3 -> chunkBody(random);
      case 4 -> mutateXml(random);
      case 5 -> mutateRequestLine(random);
      default -> headers.remove(random.nextInt(headers.size()));
    }
  }

  private void mutateHeaderValue(Random random) {
    int i = random.nextInt(headers.size());
    String line = headers.get(i);
    int colon = Math.max(0, line.indexOf(':'));
    String value = line.substring(colon + 1);
    String insert = pick(random, HEADER_VALUES);
    int at = value.isEmpty() ? 0 : random.nextInt(value.length());
    value = random.nextBoolean() ? insert : value.substring(0, at) + insert + value.substring(at);
    headers.set(i, line.substring(0, colon) + ":" + value);
  }

  private void mutateHeaderName(Random random) {
    int i = random.nextInt(headers.size());
    String line = headers.get(i);
    int colon = Math.max(0, line.indexOf(':'));
    headers.set(i, pick(random, HEADER_NAMES) + line.substring(colon));
  }

  /** Sends the body chunked, sometimes with a Content-Length beside it, sometimes broken. */
  private void chunkBody(Random random) {
    if (random.nextBoolean()) {
      headers.removeIf(h -> h.regionMatches(true, 0, "Content-Length:", 0, 15));
    }
    headers.add("Transfer-Encoding: chunked");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < body.length) {
      int size = Math.min(body.length - at, 1 + random.nextInt(8));
      String sizeLine = Integer.toHexString(size);
      switch (random.nextInt(12)) {
        case 0 -> sizeLine = "zz";
        case 1 -> sizeLine = sizeLine + ";ext=1";
        case 2 -> sizeLine = Integer.toHexString(size + 1);
        case 3 -> sizeLine = "-" + sizeLine;
        default -> {
          // a correct size line
        }
      }
      out.writeBytes((sizeLine + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, at, size);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      at += size;
    }
    if (random.nextInt(5) > 0) {
      out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body = out.toByteArray();
  }

  /** Breaks an XML body, keeping its Content-Length right most of the time. */
  private void mutateXml(Random random) {
    String xml = new String(body, StandardCharsets.UTF_8);
    int at = xml.isEmpty() ? 0 : random.nextInt(xml.length());
    switch (random.nextInt(4)) {
      case 0 -> xml = xml.substring(0, at);
      case 1 -> xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + xml;
      default -> xml = xml.substring(0, at) + pick(random, XML_INSERTS) + xml.substring(at);
    }
    body = random.nextInt(8) == 0 ? utf16(xml) : xml.getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(4) > 0) {
      headers.removeIf(h -> h.regionMatches(true, 0, "Content-Length:", 0, 15));
      headers.add("Content-Length: " + body.length);
    }
  }

  private static byte[] utf16(String xml) {
    return xml.getBytes(StandardCharsets.UTF_16);
  }

  private void mutateRequestLine(Random random) {
    switch (random.nextInt(5)) {
      case 0 -> version = pick(random, VERSIONS);
      case 1 -> target = "http://127.0.0.1:9000" + target;
      case 2 ->
          method = pick(random, new String[] {"get", "PATCH", "CONNECT", "OPTIONS", "G\u0001T"});
      case 3 -> target = target + pick(random, new String[] {"%00", "%01", "\u0001", "%", "%zz"});
      default -> target = pick(random, new String[] {"*", "", "/%01abc", "//", "/a b"});
    }
  }

  /** Applies one byte-level mutation chosen by {@code seed} to {@code raw}. */
  static byte[] mutateBytes(byte[] raw, long seed) {
    Random random = new Random(seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = random.nextInt(raw.length);
    switch (random.nextInt(4)) {
      case 0 -> {
        byte[] copy = raw.clone();
        copy[at] = INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
        return copy;
      }
      case 1 -> {
        out.write(raw, 0, at);
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
          out.write(INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)]);
        }
        out.write(raw, at, raw.length - at);
      }
      case 2 -> {
        int length = Math.min(raw.length - at, 1 + random.nextInt(16));
        out.write(raw, 0, at);
        out.write(raw, at + length, raw.length - at - length);
      }
      default -> out.write(raw, 0, Math.max(1, at)); // truncated
    }
    return out.size() == 0 ? new byte[] {'\r'} : out.toByteArray();
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
