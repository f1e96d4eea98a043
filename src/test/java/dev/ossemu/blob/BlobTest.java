package dev.ossemu.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bodies share their extents when joined, and their checksums cost only the new bytes. */
class BlobTest {
  private static byte[] random(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static Blob blob(byte[] bytes) {
    BlobBuilder builder = new BlobBuilder(null);
    builder.append(bytes);
    return builder.build();
  }

  private static byte[] md5(byte[]... pieces) throws Exception {
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    for (byte[] piece : pieces) {
      md5.update(piece);
    }
    return md5.digest();
  }

  private static long crc(byte[]... pieces) {
    Crc64 crc = new Crc64();
    for (byte[] piece : pieces) {
      crc.update(piece, 0, piece.length);
    }
    return crc.getValue();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  /**
   * A body whose bytes cannot be read (its file does not exist) but whose checksums are known: any
   * code that reads it again fails.
   */
  private static Blob unreadable(byte[] bytes) {
    BlobBuilder builder = new BlobBuilder(null);
    builder.append(bytes);
    Blob known = builder.build();
    return known.relocated(
        List.of(new Blob.FileSegment(Path.of("no-such-dir", "gone.data"), bytes.length)));
  }

  @Test
  void appendingSharesTheStoredChunksAndGivesTheChecksumsOfTheWhole() throws Exception {
    byte[] head = random(200_000, 1);
    byte[] tail = random(1024, 2);
    Blob stored = blob(head);

    Blob appended = stored.append(blob(tail));

    assertThat(appended.length()).isEqualTo(head.length + tail.length);
    assertThat(appended.md5()).isEqualTo(md5(head, tail));
    assertThat(appended.crc64Value()).isEqualTo(crc(head, tail));
    assertThat(appended.toByteArray()).isEqualTo(concat(head, tail));
    assertThat(appended.extents().subList(0, stored.extents().size()))
        .containsExactlyElementsOf(stored.extents());
    assertThat(stored.md5()).as("the stored body is unchanged").isEqualTo(md5(head));
  }

  @Test
  void appendingNeverReadsTheBytesAlreadyStored() throws Exception {
    byte[] head = random(100_000, 3);
    byte[] tail = random(5000, 4);
    Blob appended = unreadable(head).append(blob(tail)).append(blob(tail));

    assertThat(appended.md5()).isEqualTo(md5(head, tail, tail));
    assertThat(appended.crc64()).isEqualTo(Long.toUnsignedString(crc(head, tail, tail)));
  }

  @Test
  void joiningPartsCombinesTheirChecksumsWithoutReadingThem() {
    byte[] first = random(150_000, 5);
    byte[] second = random(70_001, 6);

    Blob joined = Blob.concat(List.of(unreadable(first), unreadable(second)));

    assertThat(joined.length()).isEqualTo(220_001);
    assertThat(joined.crc64Value()).isEqualTo(crc(first, second));
    assertThatThrownBy(joined::md5)
        .as("the MD5 of a joined body is read only when asked for")
        .isInstanceOf(java.io.UncheckedIOException.class);
  }

  @Test
  void theMd5OfAJoinedBodyIsComputedOnceWhenAskedFor() throws Exception {
    byte[] first = random(70_000, 7);
    byte[] second = random(3, 8);
    Blob joined = Blob.concat(List.of(blob(first), blob(second)));
    assertThat(joined.md5()).isEqualTo(md5(first, second));
    assertThat(joined.etag()).hasSize(34).startsWith("\"");
  }

  @Test
  void piecesCoverExactlyTheRangeAcrossChunkBoundaries() {
    byte[] bytes = random(3 * BlobBuilder.CHUNK_BYTES + 10, 9);
    Blob blob = blob(bytes);
    long start = BlobBuilder.CHUNK_BYTES - 5;
    long end = 2L * BlobBuilder.CHUNK_BYTES + 7;

    List<Blob.Piece> pieces = blob.pieces(start, end);

    assertThat(pieces).hasSize(3);
    assertThat(pieces.stream().mapToLong(Blob.Piece::count).sum()).isEqualTo(end - start);
    ByteBuffer out = ByteBuffer.allocate((int) (end - start));
    blob.forEachSlice(start, end, out::put);
    assertThat(out.array()).isEqualTo(java.util.Arrays.copyOfRange(bytes, (int) start, (int) end));
    assertThat(blob.pieces(5, 5)).isEmpty();
  }

  @Test
  void anOpenedRangeReadsFromMemoryAndFromFilesAlike(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    byte[] bytes = random(100_000, 10);
    Path file = dir.resolve("body.data");
    java.nio.file.Files.write(file, concat(bytes, new byte[] {1, 2, 3})); // 3 bytes past the end
    Blob onDisk = blob(bytes).relocated(List.of(new Blob.FileSegment(file, bytes.length)));

    try (OpenBlob open = OpenBlob.open(onDisk, 10, bytes.length)) {
      assertThat(open.readAll()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 10, bytes.length));
    }
    assertThat(onDisk.toByteArray()).isEqualTo(bytes);
    try (OpenBlob open = OpenBlob.open(blob(bytes), 99_990, 100_000)) {
      assertThat(open.readAll()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 99_990, 100_000));
    }
  }

  @Test
  void relocatingToExtentsOfAnotherLengthIsRefused() {
    Blob blob = blob(new byte[10]);
    assertThatThrownBy(() -> blob.relocated(List.of(new Blob.FileSegment(Path.of("x.data"), 9))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
