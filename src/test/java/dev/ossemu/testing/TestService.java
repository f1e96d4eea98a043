package dev.ossemu.testing;

import dev.ossemu.Wiring;
import dev.ossemu.auth.Account;
import dev.ossemu.auth.Accounts;
import dev.ossemu.bucket.Bucket;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.InMemoryBucketStore;
import dev.ossemu.service.OssService;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** An {@link OssService} over an in-memory store with two accounts, for tests. */
public final class TestService {
  public static final String ACCESS_KEY_ID = "test-access-key";
  public static final String SECRET = "test-secret-key";
  public static final String OTHER_ACCESS_KEY_ID = "other-access-key";
  public static final String OTHER_SECRET = "other-secret-key";
  public static final String REGION = "cn-hangzhou";

  public static final Account OWNER = Account.of(ACCESS_KEY_ID, SECRET);
  public static final Account OTHER = Account.of(OTHER_ACCESS_KEY_ID, OTHER_SECRET);

  public final BucketStore store = new InMemoryBucketStore();
  public final OssService service;
  public final Clock clock;

  public TestService(Clock clock) {
    this.clock = clock;
    this.service =
        Wiring.service(new Accounts(List.of(OWNER, OTHER)), REGION, clock, store, Set.of());
  }

  /** Creates a bucket owned by {@link #OWNER}, optionally with a rule. */
  public Bucket createBucket(String name, EncryptionRule rule) {
    Bucket bucket =
        new Bucket(
            name, OWNER.ownerId(), REGION, clock.instant(), "Standard", "LRS", "private", rule);
    store.createIfAbsent(bucket);
    return bucket;
  }

  /** The stored rule of a bucket, or null. */
  public EncryptionRule rule(String bucket) {
    return store.find(bucket).orElseThrow().encryption();
  }
}
