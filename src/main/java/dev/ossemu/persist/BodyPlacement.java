package dev.ossemu.persist;

import dev.ossemu.blob.Blob;
import dev.ossemu.object.MultipartUpload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * How a new version's body reaches the object's directory, at the cost of its new bytes only (issue
 * 13, item 7): an append goes into the object's own data file, a completed upload's parts are
 * linked in whole, an unchanged body (a self-copy) keeps its files; anything else is a new data
 * file ({@link Bodies#write}). In every case the object's metadata, written afterwards, is the
 * commit point.
 */
final class BodyPlacement {
  private BodyPlacement() {}

  /**
   * A body placed, and how to take it back if its metadata cannot be written.
   *
   * @param stored the body and what describes it in the metadata
   * @param undo restores the files as they were before (deletes new files, truncates an append)
   */
  record Placed(Bodies.Stored stored, Runnable undo) {}

  /**
   * Places {@code next}, the body of a new version of the object now described by {@code current}
   * (null when there is none).
   *
   * @param partChecksums the CRC-64 of each uploaded part's file, for a completed upload's segments
   */
  static Placed place(
      DataDirectory data,
      Path directory,
      String stem,
      Documents.BodyDoc current,
      Blob next,
      Map<Path, String> partChecksums) {
    if (current != null && next.extents().equals(extents(directory, current))) {
      return new Placed(new Bodies.Stored(current, next), () -> {}); // a self-copy: same bytes
    }
    if (appendsTo(directory, current, next)) {
      return extend(directory, current, next);
    }
    if (isUploadedParts(data, next)) {
      Placed linked = link(data, directory, stem, next, partChecksums);
      if (linked != null) {
        return linked;
      }
    }
    Bodies.Stored written = Bodies.write(data, directory, stem, next);
    Path file = directory.resolve(written.doc().dataFile());
    return new Placed(written, () -> data.delete(file)); // never named: not kept
  }

  private static List<Blob.Extent> extents(Path directory, Documents.BodyDoc doc) {
    return doc.pieces().stream()
        .<Blob.Extent>map(p -> new Blob.FileSegment(directory.resolve(p.dataFile()), p.length()))
        .toList();
  }

  /**
   * Whether {@code next} is the stored single-file body followed by new bytes. Only the object
   * whose metadata names a data file ever appends to it: a copy of this object got a file of its
   * own ({@link Bodies#write}), and linked parts are never appended (a multipart object is not
   * appendable).
   */
  private static boolean appendsTo(Path directory, Documents.BodyDoc current, Blob next) {
    return current != null
        && current.segments() == null
        && next.length() > current.length()
        && next.extents()
            .get(0)
            .equals(new Blob.FileSegment(directory.resolve(current.dataFile()), current.length()));
  }

  /**
   * Writes the new bytes of {@code next} into the stored data file at its committed length, and
   * forces them. Bytes beyond that length are not the body's (a crashed append's), so they are cut
   * first; readers of the previous version see only its first {@code current.length()} bytes, which
   * never change.
   */
  private static Placed extend(Path directory, Documents.BodyDoc current, Blob next) {
    Path file = directory.resolve(current.dataFile());
    long committed = current.length();
    Runnable undo = () -> truncate(file, committed);
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
      out.truncate(committed);
      long[] position = {committed};
      next.forEachSlice(
          committed, next.length(), slice -> position[0] += write(out, slice, position[0]));
      out.force(true);
    } catch (IOException e) {
      undo.run();
      throw WriteFailure.of(file, e);
    } catch (UncheckedIOException e) {
      undo.run();
      throw WriteFailure.of(file, e.getCause());
    }
    String md5 = Base64.getEncoder().encodeToString(next.md5()); // goes on from the stored state
    Blob stored = next.relocated(List.of(new Blob.FileSegment(file, next.length())));
    Documents.BodyDoc doc =
        new Documents.BodyDoc(current.dataFile(), next.length(), md5, next.crc64());
    return new Placed(new Bodies.Stored(doc, stored), undo);
  }

  private static int write(FileChannel out, ByteBuffer slice, long position) {
    try {
      ByteBuffer view = slice.duplicate();
      int n = view.remaining();
      for (long at = position; view.hasRemaining(); ) {
        at += out.write(view, at);
      }
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void truncate(Path file, long length) {
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
      out.truncate(length);
    } catch (IOException e) {
      // Best effort: bytes past the committed length are ignored and cut by the next append.
    }
  }

  /** Whether every byte of {@code next} is in uploaded parts' files (a completed upload). */
  private static boolean isUploadedParts(DataDirectory data, Blob next) {
    Path uploads = StoreLayout.uploadsRoot(data);
    return !next.extents().isEmpty()
        && next.extents().stream()
            .allMatch(e -> e instanceof Blob.FileSegment s && s.file().startsWith(uploads));
  }

  /**
   * Links each part's file into the object's directory: the object's segments are the parts' files,
   * no byte is read or copied. A link rather than a rename, so that a crash before the object's
   * metadata is written still finds the upload whole; removing the upload afterwards (as Complete
   * does) completes the move.
   *
   * @return null when the file system has no hard links (the caller copies instead)
   */
  private static Placed link(
      DataDirectory data, Path directory, String stem, Blob next, Map<Path, String> checksums) {
    List<Path> links = new ArrayList<>();
    List<Documents.SegmentDoc> segments = new ArrayList<>();
    List<Blob.Extent> extents = new ArrayList<>();
    Runnable undo = () -> links.forEach(data::delete);
    try {
      data.createDirectories(directory);
      for (Blob.Extent extent : next.extents()) {
        Blob.FileSegment part = (Blob.FileSegment) extent;
        String name = stem + "-" + UUID.randomUUID() + ".data";
        Path link = directory.resolve(name);
        data.link(link, part.file());
        links.add(link);
        segments.add(new Documents.SegmentDoc(name, part.length(), checksums.get(part.file())));
        extents.add(new Blob.FileSegment(link, part.length()));
      }
      data.forceDirectory(directory);
    } catch (IOException | UnsupportedOperationException e) {
      undo.run();
      return null;
    }
    Documents.BodyDoc doc =
        new Documents.BodyDoc(null, next.length(), null, next.crc64(), List.copyOf(segments));
    return new Placed(new Bodies.Stored(doc, next.relocated(extents)), undo);
  }

  /**
   * The CRC-64 of each uploaded part's file that {@code body} is made of, from the uploads that
   * hold them (found by upload ID): a segment's own checksum, so start-up can name a damaged one.
   */
  static Map<Path, String> partChecksums(
      DataDirectory data,
      String bucket,
      Blob body,
      Function<String, Optional<MultipartUpload>> uploads) {
    Map<Path, String> checksums = new HashMap<>();
    Path root = StoreLayout.bucketUploads(data, bucket);
    for (Blob.Extent extent : body.extents()) {
      if (extent instanceof Blob.FileSegment segment && segment.file().startsWith(root)) {
        uploads.apply(segment.file().getParent().getFileName().toString()).stream()
            .flatMap(upload -> upload.parts().stream())
            .map(MultipartUpload.Part::blob)
            .filter(part -> part.extents().equals(List.of(segment)))
            .forEach(part -> checksums.put(segment.file(), part.crc64()));
      }
    }
    return checksums;
  }
}
