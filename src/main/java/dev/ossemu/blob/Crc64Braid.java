package dev.ossemu.blob;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The CRC-64 kernel: the running register (no final xor) over a run of bytes, braided as zlib's
 * {@code crc32_z} is. Four independent lanes take every fourth 8-byte word of a 32-byte block, so
 * the CPU works on four dependency chains at once instead of one: on the bench machine 2.5 GB/s
 * against 1.9 GB/s for slicing-by-16 (the lookups per byte are the same, one per byte; only the
 * waiting on the previous word's result is gone).
 *
 * <p>A lane's word, xored into its register, is followed by the three words of the other lanes,
 * which it sees as zeros: one step is the table of each of its bytes shifted by the bytes that
 * follow it in the block ({@link #LANE}). Linearity lets the lanes be joined at the end: the last
 * block's words are fed in order through the plain 8-byte step ({@link #WORD}), each lane's
 * register xored in where its next word would have been.
 */
final class Crc64Braid {
  private static final long POLY = 0xC96C5795D7870F42L;
  private static final int LANES = 4;
  private static final int BLOCK = LANES * Long.BYTES;

  /** Byte-at-a-time table: T[n] is byte n followed by no further bytes. */
  private static final long[] BYTE;

  /** One 8-byte word: eight tables of 256, byte k of the word looked up in table k. */
  private static final long[] WORD;

  /** One lane's word followed by the other lanes' three words (24 zero bytes). */
  private static final long[] LANE;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The same view of a direct buffer, by absolute index, whatever the buffer's own order. */
  private static final VarHandle BUFFER_LONGS =
      MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  static {
    // shifted[z][n]: the register after byte n and then z zero bytes, from a zero register.
    int most = Long.BYTES * LANES;
    long[][] shifted = new long[most][256];
    for (int n = 0; n < 256; n++) {
      long crc = n;
      for (int k = 0; k < 8; k++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY : crc >>> 1;
      }
      shifted[0][n] = crc;
    }
    for (int z = 1; z < most; z++) {
      for (int n = 0; n < 256; n++) {
        long previous = shifted[z - 1][n];
        shifted[z][n] = (previous >>> 8) ^ shifted[0][(int) (previous & 0xff)];
      }
    }
    BYTE = shifted[0];
    WORD = word(shifted, 0);
    LANE = word(shifted, Long.BYTES * (LANES - 1));
  }

  private Crc64Braid() {}

  /** Byte k of a word is followed by 7 - k bytes of the word and then {@code after} zeros. */
  private static long[] word(long[][] shifted, int after) {
    long[] tables = new long[Long.BYTES * 256];
    for (int k = 0; k < Long.BYTES; k++) {
      System.arraycopy(shifted[Long.BYTES - 1 - k + after], 0, tables, k * 256, 256);
    }
    return tables;
  }

  /** The register after {@code x} (a word already xored with the register) and the given zeros. */
  private static long step(long[] t, long x) {
    return t[(int) (x & 0xff)]
        ^ t[256 + (int) ((x >>> 8) & 0xff)]
        ^ t[512 + (int) ((x >>> 16) & 0xff)]
        ^ t[768 + (int) ((x >>> 24) & 0xff)]
        ^ t[1024 + (int) ((x >>> 32) & 0xff)]
        ^ t[1280 + (int) ((x >>> 40) & 0xff)]
        ^ t[1536 + (int) ((x >>> 48) & 0xff)]
        ^ t[1792 + (int) (x >>> 56)];
  }

  static long update(long crc, byte[] bytes, int offset, int length) {
    int i = offset;
    int end = offset + length;
    int blocks = length / BLOCK;
    if (blocks > 1) {
      long c0 = crc;
      long c1 = 0;
      long c2 = 0;
      long c3 = 0;
      long[] lane = LANE;
      for (int n = 1; n < blocks; n++, i += BLOCK) {
        long w0 = c0 ^ (long) LONGS.get(bytes, i);
        long w1 = c1 ^ (long) LONGS.get(bytes, i + 8);
        long w2 = c2 ^ (long) LONGS.get(bytes, i + 16);
        long w3 = c3 ^ (long) LONGS.get(bytes, i + 24);
        c0 = step(lane, w0);
        c1 = step(lane, w1);
        c2 = step(lane, w2);
        c3 = step(lane, w3);
      }
      crc = step(WORD, c0 ^ (long) LONGS.get(bytes, i));
      crc = step(WORD, crc ^ c1 ^ (long) LONGS.get(bytes, i + 8));
      crc = step(WORD, crc ^ c2 ^ (long) LONGS.get(bytes, i + 16));
      crc = step(WORD, crc ^ c3 ^ (long) LONGS.get(bytes, i + 24));
      i += BLOCK;
    }
    for (; i + Long.BYTES <= end; i += Long.BYTES) {
      crc = step(WORD, crc ^ (long) LONGS.get(bytes, i));
    }
    for (; i < end; i++) {
      crc = BYTE[(int) ((crc ^ bytes[i]) & 0xff)] ^ (crc >>> 8);
    }
    return crc;
  }

  /** The same over a direct buffer's bytes from {@code from} to {@code to}, read where they lie. */
  static long update(long crc, ByteBuffer bytes, int from, int to) {
    int i = from;
    int blocks = (to - from) / BLOCK;
    if (blocks > 1) {
      long c0 = crc;
      long c1 = 0;
      long c2 = 0;
      long c3 = 0;
      long[] lane = LANE;
      for (int n = 1; n < blocks; n++, i += BLOCK) {
        long w0 = c0 ^ (long) BUFFER_LONGS.get(bytes, i);
        long w1 = c1 ^ (long) BUFFER_LONGS.get(bytes, i + 8);
        long w2 = c2 ^ (long) BUFFER_LONGS.get(bytes, i + 16);
        long w3 = c3 ^ (long) BUFFER_LONGS.get(bytes, i + 24);
        c0 = step(lane, w0);
        c1 = step(lane, w1);
        c2 = step(lane, w2);
        c3 = step(lane, w3);
      }
      crc = step(WORD, c0 ^ (long) BUFFER_LONGS.get(bytes, i));
      crc = step(WORD, crc ^ c1 ^ (long) BUFFER_LONGS.get(bytes, i + 8));
      crc = step(WORD, crc ^ c2 ^ (long) BUFFER_LONGS.get(bytes, i + 16));
      crc = step(WORD, crc ^ c3 ^ (long) BUFFER_LONGS.get(bytes, i + 24));
      i += BLOCK;
    }
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      crc = step(WORD, crc ^ (long) BUFFER_LONGS.get(bytes, i));
    }
    for (; i < to; i++) {
      crc = BYTE[(int) ((crc ^ bytes.get(i)) & 0xff)] ^ (crc >>> 8);
    }
    return crc;
  }
}
