package dev.ossemu.config;

import dev.ossemu.OssEmulatorBuilder;
import dev.ossemu.auth.Account;
import dev.ossemu.auth.RamUser;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.service.BucketNames;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks a mapped {@link ConfigFile} and applies it, reporting each problem at its line. */
final class ConfigValidator {
  private final String file;
  private final YamlLocations locations;
  private final Set<String> accessKeyIds = new HashSet<>();
  private final Set<String> accountNames = new HashSet<>();

  ConfigValidator(String file, YamlLocations locations) {
    this.file = file;
    this.locations = locations;
  }

  void apply(ConfigFile config, OssEmulatorBuilder builder) throws ConfigException {
    if (config.region() != null) {
      if (!config.region().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
        throw problem("/region", "region must look like cn-hangzhou: " + config.region());
      }
      builder.region(config.region());
    }
    List<Account> accounts = new ArrayList<>();
    List<ConfigFile.AccountSpec> specs = orEmpty(config.accounts());
    for (int i = 0; i < specs.size(); i++) {
      accounts.add(account(specs.get(i), "/accounts/" + i));
    }
    accounts.forEach(builder::account);
    List<ConfigFile.BucketSpec> buckets = orEmpty(config.buckets());
    for (int i = 0; i < buckets.size(); i++) {
      bucket(buckets.get(i), "/buckets/" + i, accounts, builder);
    }
    List<ConfigFile.StsSpec> sts = orEmpty(config.stsCredentials());
    for (int i = 0; i < sts.size(); i++) {
      stsCredentials(sts.get(i), "/stsCredentials/" + i, builder);
    }
  }

  private Account account(ConfigFile.AccountSpec spec, String at) throws ConfigException {
    String name = required(spec.name(), at + "/name", "an account needs a name");
    if (!accountNames.add(name)) {
      throw problem(at + "/name", "duplicate account name " + name);
    }
    String ownerId = spec.ownerId() == null ? Account.ownerIdFor(name) : spec.ownerId();
    if (!ownerId.matches("[0-9]{1,32}")) {
      throw problem(at + "/ownerId", "ownerId must be digits: " + ownerId);
    }
    List<Account.AccessKey> keys = keys(spec.accessKeys(), at + "/accessKeys");
    List<RamUser> users = new ArrayList<>();
    List<ConfigFile.RamUserSpec> userSpecs = orEmpty(spec.ramUsers());
    for (int i = 0; i < userSpecs.size(); i++) {
      users.add(ramUser(userSpecs.get(i), at + "/ramUsers/" + i, users));
    }
    if (keys.isEmpty() && users.isEmpty()) {
      throw problem(at, "account " + name + " has no access key and no RAM user");
    }
    return new Account(name, ownerId, keys, users);
  }

  private RamUser ramUser(ConfigFile.RamUserSpec spec, String at, List<RamUser> earlier)
      throws ConfigException {
    String name = required(spec.name(), at + "/name", "a RAM user needs a name");
    for (RamUser user : earlier) {
      if (user.name().equals(name)) {
        throw problem(at + "/name", "duplicate RAM user " + name);
      }
    }
    List<Account.AccessKey> keys = keys(spec.accessKeys(), at + "/accessKeys");
    if (keys.isEmpty()) {
      throw problem(at, "RAM user " + name + " has no access key");
    }
    List<String> allow = orEmpty(spec.allow());
    for (int i = 0; i < allow.size(); i++) {
      String action = allow.get(i);
      if (action == null || !(action.equals("*") || action.startsWith("oss:"))) {
        throw problem(
            at + "/allow/" + i, "an action looks like oss:GetBucketEncryption: " + action);
      }
    }
    return new RamUser(name, keys, allow, spec.buckets());
  }

  private List<Account.AccessKey> keys(List<ConfigFile.KeySpec> specs, String at)
      throws ConfigException {
    List<Account.AccessKey> keys = new ArrayList<>();
    List<ConfigFile.KeySpec> list = orEmpty(specs);
    for (int i = 0; i < list.size(); i++) {
      ConfigFile.KeySpec key = list.get(i);
      String where = at + "/" + i;
      String id = required(key.id(), where + "/id", "an access key needs an id");
      String secret =
          required(key.secret(), where + "/secret", "access key " + id + " needs a secret");
      if (!accessKeyIds.add(id)) {
        throw problem(where + "/id", "duplicate access key id " + id);
      }
      keys.add(new Account.AccessKey(id, secret));
    }
    return keys;
  }

  private void bucket(
      ConfigFile.BucketSpec spec, String at, List<Account> accounts, OssEmulatorBuilder builder)
      throws ConfigException {
    String name = required(spec.name(), at + "/name", "a bucket needs a name");
    if (!BucketNames.isValid(name)) {
      throw problem(at + "/name", "not a valid OSS bucket name: " + name);
    }
    String owner = spec.owner();
    if (owner == null) {
      if (accounts.isEmpty()) {
        throw problem(at, "bucket " + name + " needs an owner");
      }
      owner = accounts.get(0).name();
    } else if (accounts.stream().noneMatch(a -> a.name().equals(spec.owner()))) {
      throw problem(at + "/owner", "unknown owner " + owner + " (not an account name)");
    }
    builder.bucket(name, owner, rule(spec.encryption(), at + "/encryption"));
  }

  private EncryptionRule rule(ConfigFile.EncryptionSpec spec, String at) throws ConfigException {
    if (spec == null) {
      return null;
    }
    Optional<SseAlgorithm> parsed =
        SseAlgorithm.fromWire(spec.algorithm() == null ? "" : spec.algorithm());
    if (parsed.isEmpty()) {
      throw problem(at + "/algorithm", "algorithm must be AES256, KMS or SM4: " + spec.algorithm());
    }
    SseAlgorithm algorithm = parsed.get();
    String keyId = emptyToNull(spec.kmsMasterKeyId());
    String dataEncryption = emptyToNull(spec.kmsDataEncryption());
    if (algorithm != SseAlgorithm.KMS) {
      if (keyId != null) {
        throw problem(at + "/kmsMasterKeyId", "kmsMasterKeyId applies only to algorithm KMS");
      }
      // As PutBucketEncryption does (spec §1 rule 6): a data encryption without KMS is dropped.
      return EncryptionRule.of(algorithm);
    }
    if (dataEncryption != null && !EncryptionRule.SM4_DATA_ENCRYPTION.equals(dataEncryption)) {
      throw problem(at + "/kmsDataEncryption", "kmsDataEncryption must be SM4: " + dataEncryption);
    }
    return new EncryptionRule(algorithm, keyId, dataEncryption);
  }

  private void stsCredentials(ConfigFile.StsSpec spec, String at, OssEmulatorBuilder builder)
      throws ConfigException {
    String user = required(spec.ramUser(), at + "/ramUser", "ramUser is required (account/user)");
    String id = required(spec.accessKeyId(), at + "/accessKeyId", "accessKeyId is required");
    required(spec.accessKeySecret(), at + "/accessKeySecret", "accessKeySecret is required");
    required(spec.securityToken(), at + "/securityToken", "securityToken is required");
    String expiration = required(spec.expiration(), at + "/expiration", "expiration is required");
    if (!accessKeyIds.add(id)) {
      throw problem(at + "/accessKeyId", "duplicate access key id " + id);
    }
    Instant expires;
    try {
      expires = Instant.parse(expiration);
    } catch (DateTimeParseException e) {
      throw problem(at + "/expiration", "expiration must look like 2099-01-01T00:00:00Z");
    }
    try {
      builder.stsCredentials(user, id, spec.accessKeySecret(), spec.securityToken(), expires);
    } catch (IllegalArgumentException e) {
      throw problem(at + "/ramUser", e.getMessage());
    }
  }

  private String required(String value, String at, String message) throws ConfigException {
    if (value == null || value.isBlank()) {
      throw problem(at, message);
    }
    return value;
  }

  private ConfigException problem(String at, String message) {
    return new ConfigException(file, locations.lineOf(at), message);
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
