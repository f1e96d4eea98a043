package dev.ossemu.operation;

import dev.ossemu.bucket.Bucket;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.OssResponse;
import dev.ossemu.xml.XmlCodec;

/**
 * The bucket default-encryption actions: PutBucketEncryption, GetBucketEncryption,
 * DeleteBucketEncryption.
 */
public final class BucketEncryptionOperations {
  private final BucketAccess access;
  private final EncryptionRuleValidator validator;
  private final RuleDocuments documents;

  public BucketEncryptionOperations(BucketAccess access, XmlCodec xml) {
    this.access = access;
    this.validator = new EncryptionRuleValidator(xml);
    this.documents = new RuleDocuments(xml);
  }

  /**
   * PutBucketEncryption (spec §1): validates the whole body before anything changes, then replaces
   * the rule. A rejected request leaves the previous rule as it was.
   */
  public OssResponse putBucketEncryption(OssCall call) {
    access.owned(call);
    EncryptionRule rule = validator.validate(call.request().body());
    access.update(call, bucket -> bucket.withEncryption(rule));
    return OssResponse.empty(200);
  }

  /**
   * GetBucketEncryption (spec §2): the stored rule, with KMSMasterKeyID and KMSDataEncryption
   * present only when they were stored (NODE deep-equals {@code {SSEAlgorithm: 'AES256'}}).
   */
  public OssResponse getBucketEncryption(OssCall call) {
    Bucket bucket = access.owned(call);
    EncryptionRule rule = bucket.encryption();
    if (rule == null) {
      throw OssException.of(OssErrorCode.NO_SUCH_SERVER_SIDE_ENCRYPTION_RULE)
          .extra("BucketName", bucket.name())
          .build();
    }
    return OssResponse.xml(200, documents.of(rule));
  }

  /**
   * DeleteBucketEncryption (spec §3): 204, also when no rule exists (the spec's recommendation:
   * idempotent, as OSS deletes are).
   */
  public OssResponse deleteBucketEncryption(OssCall call) {
    access.update(call, bucket -> bucket.withEncryption(null));
    return OssResponse.empty(204);
  }
}
