package dev.ossemu.blob;

/**
 * CRC-64/ECMA-182 as OSS reports it in {@code x-oss-hash-crc64ecma}: the reflected XZ variant
 * (polynomial 0xC96C5795D7870F42, initial value and final xor all ones), printed as an unsigned
 * decimal. The Java SDK compares it with its own when the header is present (spec §8a).
 */
public final class Crc64 {
  private static final long POLY = 0xC96C5795D7870F42L;
  private static final long[] TABLE = new long[256];

  static {
    for (int n = 0; n < 256; n++) {
      long crc = n;
      for (int k = 0; k < 8; k++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY : crc >>> 1;
      }
      TABLE[n] = crc;
    }
  }

  private long crc = -1L;

  /** Adds bytes to the checksum. */
  public void update(byte[] bytes, int offset, int length) {
    long value = crc;
    for (int i = offset; i < offset + length; i++) {
      value = TABLE[(int) ((value ^ bytes[i]) & 0xff)] ^ (value >>> 8);
    }
    crc = value;
  }

  /** The checksum so far, as OSS prints it. */
  public String value() {
    return Long.toUnsignedString(~crc);
  }
}
