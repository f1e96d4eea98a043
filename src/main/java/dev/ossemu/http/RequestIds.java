package dev.ossemu.http;

import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code x-oss-request-id} values: 24 upper-case hex characters as in current OSS samples (spec
 * §9.1), the first eight the epoch seconds so that ids sort roughly by time as OSS's do.
 */
public final class RequestIds {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private RequestIds() {}

  public static String next(long epochMillis) {
    char[] id = new char[24];
    write(id, 0, epochMillis / 1000, 8);
    write(id, 8, ThreadLocalRandom.current().nextLong(), 16);
    return new String(id);
  }

  private static void write(char[] into, int offset, long value, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      into[offset + i] = HEX[(int) (value & 0xf)];
      value >>>= 4;
    }
  }
}
