package dev.ossemu.blob;

import dev.ossemu.blob.Blob.Extent;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins bodies ({@link Blob#concat}, {@link Blob#append}) by sharing their extents: nothing is
 * copied, the CRC-64 values are combined, and the new body's lease combines the parts' leases, so
 * the shared bytes count once and the caller holds the new body's one reference.
 */
final class BlobJoins {
  private BlobJoins() {}

  /** See {@link Blob#concat}. */
  static Blob concat(List<Blob> parts) {
    List<Extent> extents = new ArrayList<>();
    long length = 0;
    long crc = 0;
    for (Blob part : parts) {
      extents.addAll(part.extents());
      crc = Crc64.combine(crc, part.crc64Value(), part.length());
      length += part.length();
    }
    return new Blob(extents, length, null, crc, combinedLease(parts));
  }

  /** See {@link Blob#append}: the MD5 goes on from a copy of the head's state, over the tail. */
  static Blob append(Blob head, Blob tail) {
    List<Extent> joined = new ArrayList<>(head.extents());
    joined.addAll(tail.extents());
    MessageDigest state = head.md5State();
    if (state != null) {
      tail.forEachSlice(0, tail.length(), state::update);
    }
    return new Blob(
        joined,
        head.length() + tail.length(),
        state,
        Crc64.combine(head.crc64Value(), tail.crc64Value(), tail.length()),
        combinedLease(List.of(head, tail)));
  }

  private static StorageLease combinedLease(List<Blob> parts) {
    return StorageLease.combine(parts.stream().map(Blob::lease).toList());
  }
}
