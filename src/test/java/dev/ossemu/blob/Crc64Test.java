package dev.ossemu.blob;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.oss.common.utils.CRC64;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Our CRC-64 against the official Java SDK's own, which checks the header OSS sends. */
class Crc64Test {
  private static long sdk(byte[] bytes, int offset, int length) {
    CRC64 crc = new CRC64();
    crc.update(bytes, offset, length);
    return crc.getValue();
  }

  @Test
  void matchesTheCheckValueOfCrc64Xz() {
    Crc64 crc = new Crc64();
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    crc.update(check, 0, check.length);
    assertThat(crc.getValue()).isEqualTo(0x995DC9BBDF1939FAL);
    assertThat(crc.value()).isEqualTo(Long.toUnsignedString(0x995DC9BBDF1939FAL));
  }

  @Test
  void agreesWithTheSdkForEveryLengthAndOffset() {
    Random random = new Random(13);
    byte[] bytes = new byte[4096];
    random.nextBytes(bytes);
    for (int length = 0; length <= 100; length++) {
      for (int offset = 0; offset < 9; offset++) {
        Crc64 crc = new Crc64();
        crc.update(bytes, offset, length);
        assertThat(crc.getValue())
            .as("length %d offset %d", length, offset)
            .isEqualTo(sdk(bytes, offset, length));
      }
    }
    Crc64 whole = new Crc64();
    whole.update(bytes, 0, bytes.length);
    assertThat(whole.getValue()).isEqualTo(sdk(bytes, 0, bytes.length));
  }

  @Test
  void piecesInAnySplitGiveTheChecksumOfTheWhole() {
    Random random = new Random(7);
    byte[] bytes = new byte[100_003];
    random.nextBytes(bytes);
    Crc64 pieces = new Crc64();
    int position = 0;
    while (position < bytes.length) {
      int n = Math.min(bytes.length - position, random.nextInt(300));
      pieces.update(bytes, position, n);
      position += n;
    }
    assertThat(pieces.getValue()).isEqualTo(sdk(bytes, 0, bytes.length));
  }

  /**
   * The kernel braids four lanes over 32-byte blocks and joins them in the last block: every length
   * around a few blocks, in heap arrays and direct buffers, must still give the SDK's value.
   */
  @Test
  void agreesWithTheSdkAcrossTheBraidsBlocksInHeapAndDirectBuffers() {
    Random random = new Random(17);
    byte[] bytes = new byte[512];
    random.nextBytes(bytes);
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    for (int length = 0; length <= 300; length++) {
      for (int offset = 0; offset < 4; offset++) {
        long expected = sdk(bytes, offset, length);
        Crc64 heap = new Crc64();
        heap.update(bytes, offset, length);
        Crc64 fromDirect = new Crc64();
        fromDirect.update(direct.duplicate().position(offset).limit(offset + length));
        assertThat(heap.getValue())
            .as("heap length %d offset %d", length, offset)
            .isEqualTo(expected);
        assertThat(fromDirect.getValue())
            .as("direct length %d offset %d", length, offset)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void resumesFromAStoredValue() {
    byte[] bytes = new byte[1000];
    new Random(3).nextBytes(bytes);
    Crc64 first = new Crc64();
    first.update(bytes, 0, 400);
    Crc64 resumed = new Crc64(first.getValue());
    resumed.update(bytes, 400, 600);
    assertThat(resumed.getValue()).isEqualTo(sdk(bytes, 0, 1000));
  }

  @Test
  void readsHeapAndDirectBuffersAlike() {
    byte[] bytes = new byte[20_000];
    new Random(5).nextBytes(bytes);
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    direct.position(17);
    Crc64 fromDirect = new Crc64();
    fromDirect.update(direct);
    Crc64 fromHeap = new Crc64();
    fromHeap.update(ByteBuffer.wrap(bytes, 17, bytes.length - 17));
    assertThat(fromDirect.getValue()).isEqualTo(sdk(bytes, 17, bytes.length - 17));
    assertThat(fromHeap.getValue()).isEqualTo(fromDirect.getValue());
    assertThat(direct.position()).isEqualTo(17);
  }

  /**
   * Uploads reach the checksum as Netty's direct buffers: copying each into a scratch array made a
   * 1 GiB PUT allocate 1 GiB of garbage, which grew the young generation and RSS by ~230 MiB.
   */
  @Test
  void aDirectBufferIsReadWhereItLiesWithoutGarbage() {
    ByteBuffer direct = ByteBuffer.allocateDirect(16 << 10);
    new Random(6).ints(direct.capacity() / 4).forEach(direct::putInt);
    direct.flip();
    Crc64 crc = new Crc64();
    crc.update(direct); // warm: class loading and the first compilations allocate
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 256; i++) { // 4 MiB, as an upload's buffers arrive
      crc.update(direct);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(allocated).as("bytes allocated checksumming 4 MiB").isLessThan(64 << 10);
  }

  @Test
  void combinesLikeTheSdkAndLikeReadingEverything() {
    Random random = new Random(11);
    byte[] bytes = new byte[70_000];
    random.nextBytes(bytes);
    for (int split : new int[] {0, 1, 7, 8, 9, 4096, 65_537, 70_000}) {
      long first = sdk(bytes, 0, split);
      long second = sdk(bytes, split, bytes.length - split);
      long combined = Crc64.combine(first, second, bytes.length - split);
      assertThat(combined).as("split %d", split).isEqualTo(sdk(bytes, 0, bytes.length));
      assertThat(combined).isEqualTo(CRC64.combine(first, second, bytes.length - split));
    }
  }

  @Test
  void combinesLengthsOfManyGibibytesAsTheSdkDoes() {
    long length = 5L * 1024 * 1024 * 1024 + 3;
    assertThat(Crc64.combine(0x1234_5678_9ABC_DEF0L, 0x0FED_CBA9_8765_4321L, length))
        .isEqualTo(CRC64.combine(0x1234_5678_9ABC_DEF0L, 0x0FED_CBA9_8765_4321L, length));
  }
}
