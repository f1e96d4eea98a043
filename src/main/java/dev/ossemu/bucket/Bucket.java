package dev.ossemu.bucket;

import java.time.Instant;
import java.util.Objects;

/**
 * A bucket's state. Immutable: a change is a new value swapped in atomically by the {@link
 * BucketStore}, so a rejected request can never leave a half-applied change behind.
 *
 * @param name the bucket name
 * @param ownerId the owning account's ID
 * @param region the region id, e.g. {@code cn-hangzhou}
 * @param creationDate when it was created
 * @param storageClass {@code Standard}, {@code IA}, ...
 * @param dataRedundancyType {@code LRS} or {@code ZRS}
 * @param acl {@code private}, {@code public-read} or {@code public-read-write}
 * @param encryption the default encryption rule, or null when none is set
 */
public record Bucket(
    String name,
    String ownerId,
    String region,
    Instant creationDate,
    String storageClass,
    String dataRedundancyType,
    String acl,
    EncryptionRule encryption) {

  public Bucket {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ownerId, "ownerId");
  }

  public Bucket withEncryption(EncryptionRule rule) {
    return new Bucket(
        name, ownerId, region, creationDate, storageClass, dataRedundancyType, acl, rule);
  }

  public Bucket withAcl(String newAcl) {
    return new Bucket(
        name, ownerId, region, creationDate, storageClass, dataRedundancyType, newAcl, encryption);
  }
}
