package dev.ossemu.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Stored bodies off the heap (issue 15, GetObject): large chunks are direct memory, freed by their
 * lease's last release, never while a reader holds a reference, and never read after it.
 */
class OffHeapBodiesTest {
  private static final int MIB = 1 << 20;
  private static final BufferPoolMXBean DIRECT =
      ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
          .filter(pool -> pool.getName().equals("direct"))
          .findFirst()
          .orElseThrow();

  private final StorageQuota quota = new StorageQuota(64L * MIB);

  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    new Random(length).nextBytes(bytes);
    return bytes;
  }

  private Blob stored(byte[] bytes, long announced) {
    BlobBuilder builder = new BlobBuilder(quota, announced);
    builder.append(ByteBuffer.wrap(bytes));
    return builder.build();
  }

  /*
   * DIRECT counts the whole JVM's direct memory, which other threads of the test JVM change too (a
   * finished test's event loop or allocator cache freeing its buffers: once -17 KiB in a full
   * run). So each difference spans only the step it is about, never a whole test.
   */

  @Test
  void aStoredBodyIsOffTheHeapUntilItsLastReferenceGoes() {
    byte[] bytes = random(MIB);
    long before = DIRECT.getMemoryUsed();
    Blob blob = stored(bytes, MIB);
    assertThat(DIRECT.getMemoryUsed() - before).isEqualTo(MIB);

    assertThat(blob.extents())
        .hasSize(16)
        .allSatisfy(extent -> assertThat(((Blob.Chunk) extent).bytes().isDirect()).isTrue());
    blob.retain(); // a second holder, as a copy of the object
    long held = DIRECT.getMemoryUsed();
    blob.release();
    assertThat(DIRECT.getMemoryUsed()).isEqualTo(held);
    assertThat(blob.toByteArray()).isEqualTo(bytes);

    long beforeLast = DIRECT.getMemoryUsed();
    blob.release();
    assertThat(beforeLast - DIRECT.getMemoryUsed()).isEqualTo(MIB);
    assertThat(quota.used()).isZero();
  }

  @Test
  void theUnusedEndOfAnUnannouncedBodyIsFreedAtOnce() {
    byte[] bytes = random(100_000);
    long before = DIRECT.getMemoryUsed();
    Blob blob = stored(bytes, -1); // chunked upload: 64 KiB chunks, the last trimmed
    assertThat(DIRECT.getMemoryUsed() - before).isEqualTo(100_000);
    assertThat(quota.used()).isEqualTo(100_000);
    assertThat(blob.toByteArray()).isEqualTo(bytes);
    long beforeRelease = DIRECT.getMemoryUsed();
    blob.release();
    assertThat(beforeRelease - DIRECT.getMemoryUsed()).isEqualTo(100_000);
  }

  @Test
  void smallBodiesAndUnboundedOnesStayOnTheHeap() {
    Blob small = stored(random(BodyMemory.DIRECT_MIN - 1), BodyMemory.DIRECT_MIN - 1);
    assertThat(((Blob.Chunk) small.extents().get(0)).bytes().isDirect()).isFalse();
    small.release();

    BlobBuilder unbounded = new BlobBuilder(null, MIB); // no lease would ever free it
    unbounded.append(random(MIB));
    Blob blob = unbounded.build();
    assertThat(blob.extents())
        .allSatisfy(extent -> assertThat(((Blob.Chunk) extent).bytes().isDirect()).isFalse());
  }

  @Test
  void anOpenedRangeHoldsTheBodyUntilClosed() {
    byte[] bytes = random(MIB);
    long before = DIRECT.getMemoryUsed();
    Blob blob = stored(bytes, MIB);
    assertThat(DIRECT.getMemoryUsed() - before).isEqualTo(MIB);
    OpenBlob open = OpenBlob.open(blob, 1000, 300_000);

    long held = DIRECT.getMemoryUsed();
    blob.release(); // the object is deleted while its answer waits to be sent
    assertThat(DIRECT.getMemoryUsed()).isEqualTo(held);
    assertThat(quota.used()).isEqualTo(MIB);
    byte[] expected = new byte[299_000];
    System.arraycopy(bytes, 1000, expected, 0, expected.length);
    assertThat(open.readAll()).isEqualTo(expected);

    long beforeClose = DIRECT.getMemoryUsed();
    open.close();
    assertThat(beforeClose - DIRECT.getMemoryUsed()).isEqualTo(MIB);
    assertThat(quota.used()).isZero();
  }

  @Test
  void aReleasedBodyReadsAsDeletedInsteadOfFreedMemory() {
    Blob blob = stored(random(MIB), MIB);
    blob.release();

    assertThatThrownBy(() -> blob.forEachSlice(0, MIB, slice -> {}))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> OpenBlob.open(blob, 0, MIB))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(NoSuchFileException.class);
  }
}
