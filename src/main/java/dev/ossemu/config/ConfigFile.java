package dev.ossemu.config;

import java.util.List;

/**
 * The configuration file's shape (YAML). This shape is a public contract: users' CI files depend on
 * it, so it is only ever extended.
 *
 * <pre>
 * region: cn-hangzhou
 * accounts:
 *   - name: main
 *     ownerId: "1234567890123456"
 *     accessKeys: [{id: test-access-key, secret: test-secret-key}]
 *     ramUsers:
 *       - name: reader
 *         accessKeys: [{id: reader-key, secret: reader-secret}]
 *         allow: ["oss:GetBucketEncryption", "oss:GetBucketInfo"]
 *         buckets: ["examplebucket"]
 * buckets:
 *   - name: examplebucket
 *     owner: main
 *     encryption: {algorithm: KMS, kmsMasterKeyId: my-key, kmsDataEncryption: SM4}
 * stsCredentials:
 *   - {ramUser: main/reader, accessKeyId: STS.ci, accessKeySecret: s, securityToken: t,
 *      expiration: "2099-01-01T00:00:00Z"}
 * </pre>
 */
public record ConfigFile(
    String region,
    List<AccountSpec> accounts,
    List<BucketSpec> buckets,
    List<StsSpec> stsCredentials) {

  /** An account: a unique name, an optional owner ID, its keys and RAM users. */
  public record AccountSpec(
      String name, String ownerId, List<KeySpec> accessKeys, List<RamUserSpec> ramUsers) {}

  /** An access key id with its secret. */
  public record KeySpec(String id, String secret) {
    @Override
    public String toString() {
      return "KeySpec[id=" + id + "]";
    }
  }

  /** A RAM user: allowed actions ({@code *} wildcards) and optionally the buckets it may use. */
  public record RamUserSpec(
      String name, List<KeySpec> accessKeys, List<String> allow, List<String> buckets) {}

  /** A bucket that exists from the start, owned by the named account. */
  public record BucketSpec(String name, String owner, EncryptionSpec encryption) {}

  /** A bucket's default encryption rule. */
  public record EncryptionSpec(String algorithm, String kmsMasterKeyId, String kmsDataEncryption) {}

  /** Fixed STS credentials of a RAM user ({@code account/user}), for CI. */
  public record StsSpec(
      String ramUser,
      String accessKeyId,
      String accessKeySecret,
      String securityToken,
      String expiration) {
    @Override
    public String toString() {
      return "StsSpec[ramUser=" + ramUser + ", accessKeyId=" + accessKeyId + "]";
    }
  }
}
