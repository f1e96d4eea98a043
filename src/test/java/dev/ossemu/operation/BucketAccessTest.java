package dev.ossemu.operation;

import static dev.ossemu.testing.SignedRequests.OTHER;
import static dev.ossemu.testing.SignedRequests.OWNER;
import static dev.ossemu.testing.SignedRequests.bucket;
import static dev.ossemu.testing.SignedRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossemu.auth.Account;
import dev.ossemu.bucket.Bucket;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.InMemoryBucketStore;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Finding the addressed bucket and checking that the caller owns it. */
class BucketAccessTest {
  private final BucketStore store = new InMemoryBucketStore();
  private final BucketAccess access = new BucketAccess(store);
  private final Bucket owned = bucket("examplebucket", OWNER, null);

  @BeforeEach
  void createBucket() {
    store.createIfAbsent(owned);
  }

  private static OssCall call(String bucket, Account account) {
    return request("GET", "/" + bucket + "/").callBy(account);
  }

  @Test
  void exposesItsStore() {
    assertThat(access.store()).isSameAs(store);
  }

  @Test
  void existingReturnsTheBucketToAnyCaller() {
    assertThat(access.existing(call("examplebucket", OWNER))).isEqualTo(owned);
    assertThat(access.existing(call("examplebucket", OTHER))).isEqualTo(owned);
  }

  @Test
  void ownedReturnsTheBucketToItsOwnerOnly() {
    assertThat(access.owned(call("examplebucket", OWNER))).isEqualTo(owned);
    OssException error =
        catchThrowableOfType(OssException.class, () -> access.owned(call("examplebucket", OTHER)));
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.ACCESS_DENIED);
    assertThat(error.getMessage()).isEqualTo("The bucket you access does not belong to you.");
    assertThat(error.ec()).isEqualTo("0003-00000001");
  }

  @Test
  void refusesAnAnonymousCallerAsNotTheOwner() {
    OssException error =
        catchThrowableOfType(
            OssException.class,
            () -> access.owned(request("GET", "/examplebucket/").anonymousCall()));
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.ACCESS_DENIED);
  }

  @Test
  void aMissingBucketIsNoSuchBucketForEveryone() {
    for (OssException error :
        new OssException[] {
          catchThrowableOfType(OssException.class, () -> access.existing(call("missing", OWNER))),
          catchThrowableOfType(OssException.class, () -> access.owned(call("missing", OTHER))),
          catchThrowableOfType(
              OssException.class, () -> access.update(call("missing", OWNER), b -> b))
        }) {
      assertThat(error.errorCode()).isEqualTo(OssErrorCode.NO_SUCH_BUCKET);
      assertThat(error.extras()).containsEntry("BucketName", "missing");
    }
    assertThat(store.find("missing")).isEmpty();
  }

  @Test
  void updateAppliesTheChangeForTheOwner() {
    EncryptionRule rule = EncryptionRule.of(SseAlgorithm.SM4);
    Bucket updated = access.update(call("examplebucket", OWNER), b -> b.withEncryption(rule));
    assertThat(updated.encryption()).isEqualTo(rule);
    assertThat(store.find("examplebucket")).contains(owned.withEncryption(rule));
  }

  @Test
  void updateRefusesAnotherAccountWithoutRunningTheChange() {
    AtomicBoolean ran = new AtomicBoolean();
    OssException error =
        catchThrowableOfType(
            OssException.class,
            () ->
                access.update(
                    call("examplebucket", OTHER),
                    b -> {
                      ran.set(true);
                      return b.withAcl("public-read-write");
                    }));
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.ACCESS_DENIED);
    assertThat(ran).isFalse();
    assertThat(store.find("examplebucket")).contains(owned);
  }

  @Test
  void aFailingChangeLeavesTheBucketAsItWas() {
    Throwable thrown =
        catchThrowable(
            () ->
                access.update(
                    call("examplebucket", OWNER),
                    b -> {
                      throw OssException.malformedXml();
                    }));
    assertThat(thrown).isInstanceOf(OssException.class);
    assertThat(store.find("examplebucket")).contains(owned);
  }
}
