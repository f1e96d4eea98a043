package dev.ossemu.persist;

import dev.ossemu.blob.Blob;
import dev.ossemu.bucket.Bucket;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.object.ObjectEncryption;
import dev.ossemu.object.OssObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON documents of the data directory, one record per kind of file. */
final class Documents {
  private Documents() {}

  /** {@code buckets/<name>.json}. */
  record BucketDoc(
      String name,
      String ownerId,
      String region,
      String creationDate,
      String storageClass,
      String dataRedundancyType,
      String acl,
      RuleDoc encryption) {

    static BucketDoc of(Bucket bucket) {
      EncryptionRule rule = bucket.encryption();
      return new BucketDoc(
          bucket.name(),
          bucket.ownerId(),
          bucket.region(),
          bucket.creationDate().toString(),
          bucket.storageClass(),
          bucket.dataRedundancyType(),
          bucket.acl(),
          rule == null
              ? null
              : new RuleDoc(
                  rule.algorithm().name(), rule.kmsMasterKeyId(), rule.kmsDataEncryption()));
    }

    Bucket toBucket() {
      return new Bucket(
          name,
          ownerId,
          region,
          Instant.parse(creationDate),
          storageClass,
          dataRedundancyType,
          acl,
          encryption == null
              ? null
              : new EncryptionRule(
                  SseAlgorithm.valueOf(encryption.algorithm()),
                  encryption.keyId(),
                  encryption.dataEncryption()));
    }
  }

  /** An encryption rule or an object's encryption. */
  record RuleDoc(String algorithm, String keyId, String dataEncryption) {
    static RuleDoc of(ObjectEncryption encryption) {
      return encryption == null
          ? null
          : new RuleDoc(
              encryption.algorithm().name(), encryption.keyId(), encryption.dataEncryption());
    }

    static ObjectEncryption toEncryption(RuleDoc doc) {
      return doc == null
          ? null
          : new ObjectEncryption(
              SseAlgorithm.valueOf(doc.algorithm()), doc.keyId(), doc.dataEncryption());
    }
  }

  /**
   * A body with what it must hash to: the first {@code length} bytes of one data file, or (a
   * completed multipart upload) its {@code segments} one after the other, each a part's file moved
   * into the object's directory. Metadata written before segments existed has none.
   */
  record BodyDoc(
      String dataFile, long length, String md5, String crc64, List<SegmentDoc> segments) {
    BodyDoc(String dataFile, long length, String md5, String crc64) {
      this(dataFile, length, md5, crc64, null);
    }

    /** The data files this body reads, in order. */
    List<String> files() {
      return segments == null
          ? List.of(dataFile)
          : segments.stream().map(SegmentDoc::dataFile).toList();
    }

    /** Its pieces: the segments, or the one data file. */
    List<SegmentDoc> pieces() {
      return segments == null ? List.of(new SegmentDoc(dataFile, length, crc64)) : segments;
    }
  }

  /** One data file of a body made of segments: its first {@code length} bytes and their CRC-64. */
  record SegmentDoc(String dataFile, long length, String crc64) {}

  /** {@code objects/<bucket>/<key hash>.meta}: everything about an object but its bytes. */
  record ObjectDoc(
      String key,
      BodyDoc body,
      String etag,
      String lastModified,
      String type,
      Map<String, String> headers,
      Map<String, String> userMetadata,
      String acl,
      String storageClass,
      RuleDoc encryption) {

    /** {@code object}'s metadata; {@code body} is null for an upload's template. */
    static ObjectDoc of(OssObject object, BodyDoc body) {
      return new ObjectDoc(
          object.key(),
          body,
          object.etag(),
          object.lastModified().toString(),
          object.type(),
          object.headers(),
          object.userMetadata(),
          object.acl(),
          object.storageClass(),
          RuleDoc.of(object.encryption()));
    }

    OssObject toObject(Blob blob) {
      return new OssObject(
          key,
          blob,
          etag,
          Instant.parse(lastModified),
          type,
          headers,
          userMetadata,
          acl,
          storageClass,
          RuleDoc.toEncryption(encryption));
    }
  }

  /** {@code uploads/<bucket>/<uploadId>/upload.meta}: the object an upload will become. */
  record UploadDoc(String uploadId, String initiated, ObjectDoc template) {}

  /** {@code uploads/<bucket>/<uploadId>/part-<n>.meta}. */
  record PartDoc(int partNumber, BodyDoc body, String lastModified) {}
}
