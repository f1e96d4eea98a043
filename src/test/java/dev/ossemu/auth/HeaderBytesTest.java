package dev.ossemu.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Header values go from wire chars to text and back to exactly the bytes sent. */
class HeaderBytesTest {
  private static String wire(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  @Test
  void leavesAsciiAsItIs() {
    String value = "text/plain; charset=utf-8";
    assertThat(HeaderBytes.decode(value)).isSameAs(value);
    assertThat(HeaderBytes.encode(value)).isEqualTo(value.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void readsUtf8AsTextAndGbkAsEscapedBytes() {
    byte[] utf8 = "张三".getBytes(StandardCharsets.UTF_8);
    assertThat(HeaderBytes.decode(wire(utf8))).isEqualTo("张三");
    byte[] gbk = "中文".getBytes(Charset.forName("GBK"));
    String text = HeaderBytes.decode(wire(gbk));
    assertThat(HeaderBytes.encode(text)).isEqualTo(gbk);
    assertThat(HeaderBytes.printable(text)).doesNotContain("\uDCD6").contains("\uFFFD");
  }

  @Test
  void roundTripsEveryByteSequence() {
    Random random = new Random(14);
    for (int i = 0; i < 2000; i++) {
      byte[] bytes = new byte[random.nextInt(12)];
      random.nextBytes(bytes);
      String text = HeaderBytes.decode(wire(bytes));
      assertThat(HeaderBytes.encode("a:" + text + "\n/b/é")).isEqualTo(concat(bytes));
    }
  }

  private static byte[] concat(byte[] bytes) {
    byte[] head = "a:".getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\n/b/é".getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[head.length + bytes.length + tail.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(bytes, 0, out, head.length, bytes.length);
    System.arraycopy(tail, 0, out, head.length + bytes.length, tail.length);
    return out;
  }
}
