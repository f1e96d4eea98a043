package dev.ossemu.operation;

import static dev.ossemu.testing.SignedRequests.CLOCK;
import static dev.ossemu.testing.SignedRequests.NOW;
import static dev.ossemu.testing.SignedRequests.OTHER;
import static dev.ossemu.testing.SignedRequests.OWNER;
import static dev.ossemu.testing.SignedRequests.REGION;
import static dev.ossemu.testing.SignedRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossemu.auth.Account;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.Bucket;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.InMemoryBucketStore;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.request.OssResponse;
import dev.ossemu.testing.SignedRequests;
import dev.ossemu.xml.XmlCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PutBucket (spec §4): creation, repeats, configuration body and encryption headers. */
class BucketOperationsPutBucketTest {
  private static final String BUCKET = "examplebucket";

  private final BucketStore store = new InMemoryBucketStore();
  private final BucketOperations operations = operations(CLOCK);

  private BucketOperations operations(Clock clock) {
    return new BucketOperations(
        new BucketAccess(store),
        new InMemoryObjectStore(new StorageQuota(1 << 20)),
        new XmlCodec(),
        REGION,
        clock);
  }

  private static SignedRequests putBucket() {
    return request("PUT", "/" + BUCKET + "/");
  }

  private OssException refusal(SignedRequests request, Account account) {
    return catchThrowableOfType(
        OssException.class, () -> operations.putBucket(request.callBy(account)));
  }

  private Bucket stored() {
    return store.find(BUCKET).orElseThrow();
  }

  @Test
  void createsAPrivateStandardLrsBucketAndAnswers200() {
    OssResponse response = operations.putBucket(putBucket().callBy(OWNER));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(stored())
        .isEqualTo(
            new Bucket(BUCKET, OWNER.ownerId(), REGION, NOW, "Standard", "LRS", "private", null));
  }

  @Test
  void answersARepeatByTheOwnerWith200KeepingTheBucket() {
    operations.putBucket(putBucket().callBy(OWNER));
    Bucket created = stored();

    OssResponse again =
        operations(Clock.offset(CLOCK, Duration.ofHours(1))).putBucket(putBucket().callBy(OWNER));

    assertThat(again.status()).isEqualTo(200);
    assertThat(stored()).isEqualTo(created);
  }

  @Test
  void updatesTheAclOnARepeatByTheOwner() {
    operations.putBucket(putBucket().callBy(OWNER));
    operations.putBucket(putBucket().header("x-oss-acl", "public-read").callBy(OWNER));
    assertThat(stored().acl()).isEqualTo("public-read");
  }

  @Test
  void refusesTheNameToAnotherAccountLeavingTheBucketAsItWas() {
    operations.putBucket(putBucket().callBy(OWNER));
    Bucket before = stored();

    OssException error = refusal(putBucket().header("x-oss-acl", "public-read-write"), OTHER);

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.BUCKET_ALREADY_EXISTS);
    assertThat(error.status()).isEqualTo(409);
    assertThat(error.ec()).isEqualTo("0015-00000104");
    assertThat(error.getMessage())
        .isEqualTo(
            "The requested bucket name is not available. The bucket namespace is shared by all"
                + " users of the system. Please select a different name and try again.");
    assertThat(stored()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<CreateBucketConfiguration><StorageClass>IA</StorageClass></CreateBucketConfiguration>",
        "<CreateBucketConfiguration><DataRedundancyType>ZRS</DataRedundancyType>"
            + "</CreateBucketConfiguration>"
      })
  void refusesToChangeTheStorageTypeOfAnExistingBucket(String body) {
    operations.putBucket(putBucket().callBy(OWNER));
    Bucket before = stored();

    OssException error = refusal(putBucket().body(body).header("x-oss-acl", "public-read"), OWNER);

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.BUCKET_ALREADY_EXISTS);
    assertThat(error.status()).isEqualTo(409);
    assertThat(error.getMessage()).isEqualTo("Bucket already exists can't modify storage type");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void letsTheOwnerRepeatPutBucketWithoutABodyOnAnIaZrsBucket() {
    // JAVA1 sends no body when nothing is set: that names no storage type, so it changes none.
    operations.putBucket(
        putBucket()
            .body(
                "<CreateBucketConfiguration><StorageClass>IA</StorageClass>"
                    + "<DataRedundancyType>ZRS</DataRedundancyType></CreateBucketConfiguration>")
            .callBy(OWNER));

    assertThat(operations.putBucket(putBucket().callBy(OWNER)).status()).isEqualTo(200);
    assertThat(stored().storageClass()).isEqualTo("IA");
    assertThat(stored().dataRedundancyType()).isEqualTo("ZRS");
  }

  @ParameterizedTest
  @ValueSource(strings = {"public", "Private", "authenticated-read", ""})
  void refusesAnUnknownCannedAclNamingTheHeader(String acl) {
    OssException error = refusal(putBucket().header("x-oss-acl", acl), OWNER);

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ARGUMENT);
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.getMessage()).isEqualTo("no such bucket access control exists");
    assertThat(error.extras())
        .containsExactly(Map.entry("ArgumentName", "x-oss-acl"), Map.entry("ArgumentValue", acl));
    assertThat(store.find(BUCKET)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"private", "public-read", "public-read-write"})
  void createsTheBucketWithTheRequestedAcl(String acl) {
    operations.putBucket(putBucket().header("x-oss-acl", acl).callBy(OWNER));
    assertThat(stored().acl()).isEqualTo(acl);
  }

  @Test
  void takesStorageClassAndRedundancyFromTheBodyIgnoringOtherChildren() {
    operations.putBucket(
        putBucket()
            .body(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CreateBucketConfiguration>"
                    + "<LocationConstraint>oss-cn-hangzhou</LocationConstraint>"
                    + "<StorageClass>IA</StorageClass><XCType>x</XCType>"
                    + "<DataRedundancyType>ZRS</DataRedundancyType></CreateBucketConfiguration>")
            .callBy(OWNER));
    assertThat(stored().storageClass()).isEqualTo("IA");
    assertThat(stored().dataRedundancyType()).isEqualTo("ZRS");
    assertThat(stored().region()).isEqualTo(REGION);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Standard", "IA", "Archive", "ColdArchive", "DeepColdArchive"})
  void acceptsEveryStorageClass(String storageClass) {
    operations.putBucket(
        putBucket()
            .body(
                "<CreateBucketConfiguration><StorageClass>"
                    + storageClass
                    + "</StorageClass></CreateBucketConfiguration>")
            .callBy(OWNER));
    assertThat(stored().storageClass()).isEqualTo(storageClass);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "StorageClass>Glacier</StorageClass",
        "StorageClass>ia</StorageClass",
        "DataRedundancyType>GRS</DataRedundancyType"
      })
  void refusesAnInvalidStorageClassOrRedundancy(String element) {
    String body = "<CreateBucketConfiguration><" + element + "></CreateBucketConfiguration>";
    OssException error = refusal(putBucket().body(body), OWNER);

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ARGUMENT);
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.extras())
        .containsEntry("ArgumentName", element.substring(0, element.indexOf('>')));
    assertThat(store.find(BUCKET)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"<CreateBucketConfiguration>", "<Other/>", "plain text"})
  void refusesAMalformedConfiguration(String body) {
    assertThat(refusal(putBucket().body(body), OWNER).errorCode())
        .isEqualTo(OssErrorCode.MALFORMED_XML);
    assertThat(store.find(BUCKET)).isEmpty();
  }

  @Test
  void setsTheDefaultRuleFromKmsSm4AndKeyIdHeaders() {
    operations.putBucket(
        putBucket()
            .header("x-oss-server-side-encryption", "KMS")
            .header("x-oss-server-side-data-encryption", "SM4")
            .header("x-oss-server-side-encryption-key-id", "key-1")
            .callBy(OWNER));
    assertThat(stored().encryption())
        .isEqualTo(new EncryptionRule(SseAlgorithm.KMS, "key-1", "SM4"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"AES256", "SM4"})
  void setsANonKmsDefaultRuleDroppingSm4DataEncryption(String algorithm) {
    operations.putBucket(
        putBucket()
            .header("x-oss-server-side-encryption", algorithm)
            .header("x-oss-server-side-data-encryption", "SM4")
            .callBy(OWNER));
    assertThat(stored().encryption()).isEqualTo(EncryptionRule.of(SseAlgorithm.valueOf(algorithm)));
  }

  @Test
  void setsNoRuleFromADataEncryptionHeaderAlone() {
    operations.putBucket(
        putBucket().header("x-oss-server-side-data-encryption", "SM4").callBy(OWNER));
    assertThat(stored().encryption()).isNull();
  }

  @Test
  void refusesAnInvalidAlgorithmHeader() {
    OssException error = refusal(putBucket().header("x-oss-server-side-encryption", "DES"), OWNER);
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ENCRYPTION_ALGORITHM);
    assertThat(error.status()).isEqualTo(400);
    assertThat(store.find(BUCKET)).isEmpty();
  }

  @Test
  void refusesAnInvalidDataEncryptionHeader() {
    OssException error =
        refusal(
            putBucket()
                .header("x-oss-server-side-encryption", "KMS")
                .header("x-oss-server-side-data-encryption", "AES256"),
            OWNER);
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_DATA_ENCRYPTION_ALGORITHM);
    assertThat(error.code()).isEqualTo("InvalidDataEncryptionAlgorithmError");
    assertThat(error.getMessage())
        .isEqualTo(
            "The KMS Data Encryption request you specified is not valid. Supported value:SM4");
    assertThat(store.find(BUCKET)).isEmpty();
  }

  @Test
  void refusesAKeyIdHeaderUnderAes256() {
    OssException error =
        refusal(
            putBucket()
                .header("x-oss-server-side-encryption", "AES256")
                .header("x-oss-server-side-encryption-key-id", "key-1"),
            OWNER);
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_ARGUMENT);
    assertThat(error.getMessage())
        .isEqualTo("KMSMasterKeyID is not applicable if the default sse algorithm is not KMS");
    assertThat(store.find(BUCKET)).isEmpty();
  }

  @Test
  void refusesAnAnonymousCreate() {
    OssException error =
        catchThrowableOfType(
            OssException.class, () -> operations.putBucket(putBucket().anonymousCall()));
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.ACCESS_DENIED);
    assertThat(error.status()).isEqualTo(403);
    assertThat(store.find(BUCKET)).isEmpty();
  }

  @Test
  void refusesTheHundredAndFirstBucketOfAnAccount() {
    for (int i = 0; i < 100; i++) {
      operations.putBucket(request("PUT", "/bucket-" + i + "/").callBy(OWNER));
    }
    operations.putBucket(request("PUT", "/other-bucket/").callBy(OTHER));

    OssException error = refusal(putBucket(), OWNER);

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.TOO_MANY_BUCKETS);
    assertThat(error.code()).isEqualTo("TooManyBuckets");
    assertThat(error.status()).isEqualTo(400);
    assertThat(store.find(BUCKET)).isEmpty();
    assertThat(store.list()).hasSize(101);
    // A repeat of an existing bucket is not a new one.
    assertThat(operations.putBucket(request("PUT", "/bucket-7/").callBy(OWNER)).status())
        .isEqualTo(200);
  }
}
