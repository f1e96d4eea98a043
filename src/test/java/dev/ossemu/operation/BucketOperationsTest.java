package dev.ossemu.operation;

import static dev.ossemu.testing.SignedRequests.CLOCK;
import static dev.ossemu.testing.SignedRequests.OTHER;
import static dev.ossemu.testing.SignedRequests.OWNER;
import static dev.ossemu.testing.SignedRequests.REGION;
import static dev.ossemu.testing.SignedRequests.bucket;
import static dev.ossemu.testing.SignedRequests.request;
import static dev.ossemu.testing.SignedRequests.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossemu.auth.Account;
import dev.ossemu.blob.BlobBuilder;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.Bucket;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.InMemoryBucketStore;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.object.OssObject;
import dev.ossemu.request.OssResponse;
import dev.ossemu.testing.SignedRequests;
import dev.ossemu.xml.XmlCodec;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DeleteBucket, HeadBucket, GetBucketInfo, -Location, -Acl and PutBucketAcl (spec §5–8). */
class BucketOperationsTest {
  private static final String BUCKET = "examplebucket";
  private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  private static final String OWNER_ID = OWNER.ownerId();

  private final BucketStore store = new InMemoryBucketStore();
  private final ObjectStore objects = new InMemoryObjectStore(new StorageQuota(1 << 20));
  private final BucketOperations operations =
      new BucketOperations(new BucketAccess(store), objects, new XmlCodec(), REGION, CLOCK);

  @BeforeEach
  void createBucket() {
    store.createIfAbsent(bucket(BUCKET, OWNER, null));
  }

  private static SignedRequests on(String method, String subResource) {
    return request(method, "/" + BUCKET + "/" + subResource);
  }

  private Bucket stored() {
    return store.find(BUCKET).orElseThrow();
  }

  private void storeRule(EncryptionRule rule) {
    store.update(BUCKET, b -> b.withEncryption(rule));
  }

  private OssResponse info() {
    return operations.getBucketInfo(on("GET", "?bucketInfo").callBy(OWNER));
  }

  @Test
  void deletesAnEmptyBucketWith204() {
    OssResponse response = operations.deleteBucket(on("DELETE", "").callBy(OWNER));
    assertThat(response.status()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(store.find(BUCKET)).isEmpty();
  }

  @Test
  void refusesToDeleteAMissingBucketNamingIt() {
    OssException error =
        catchThrowableOfType(
            OssException.class,
            () -> operations.deleteBucket(request("DELETE", "/missing/").callBy(OWNER)));
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.NO_SUCH_BUCKET);
    assertThat(error.status()).isEqualTo(404);
    assertThat(error.getMessage()).isEqualTo("The specified bucket does not exist.");
    assertThat(error.extras()).containsExactly(Map.entry("BucketName", "missing"));
  }

  @Test
  void refusesToDeleteABucketThatHoldsObjects() {
    BlobBuilder blob = new BlobBuilder(null);
    blob.append(new byte[] {1});
    objects.createBucket(BUCKET);
    objects.update(
        BUCKET,
        "k",
        old ->
            new OssObject(
                "k",
                blob.build(),
                "\"e\"",
                CLOCK.instant(),
                "Normal",
                Map.of(),
                Map.of(),
                "default",
                "Standard",
                null));

    OssException error =
        catchThrowableOfType(
            OssException.class, () -> operations.deleteBucket(on("DELETE", "").callBy(OWNER)));

    assertThat(error.errorCode()).isEqualTo(OssErrorCode.BUCKET_NOT_EMPTY);
    assertThat(error.status()).isEqualTo(409);
    assertThat(error.ec()).isEqualTo("0015-00000301");
    assertThat(error.extras()).containsEntry("BucketName", BUCKET);
    assertThat(store.find(BUCKET)).isPresent();
  }

  @Test
  void answersHeadBucketWithTheRegionHeaderAndNoBody() {
    OssResponse response = operations.headBucket(on("HEAD", "").callBy(OWNER));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers()).containsEntry("x-oss-bucket-region", "cn-hangzhou");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void writesEveryBucketInfoElementWithSseAlgorithmNoneWithoutARule() {
    OssResponse response = info();
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers()).containsEntry("Content-Type", "application/xml");
    assertThat(text(response))
        .isEqualTo(
            DECLARATION
                + "<BucketInfo><Bucket><AccessMonitor>Disabled</AccessMonitor>"
                + "<CreationDate>2026-11-25T10:00:00.000Z</CreationDate>"
                + "<ExtranetEndpoint>oss-cn-hangzhou.aliyuncs.com</ExtranetEndpoint>"
                + "<IntranetEndpoint>oss-cn-hangzhou-internal.aliyuncs.com</IntranetEndpoint>"
                + "<Location>oss-cn-hangzhou</Location><StorageClass>Standard</StorageClass>"
                + "<TransferAcceleration>Disabled</TransferAcceleration>"
                + "<CrossRegionReplication>Disabled</CrossRegionReplication>"
                + "<Name>examplebucket</Name><ResourceGroupId>rg-default-id</ResourceGroupId>"
                + "<Owner><ID>"
                + OWNER_ID
                + "</ID><DisplayName>"
                + OWNER_ID
                + "</DisplayName>"
                + "</Owner><AccessControlList><Grant>private</Grant></AccessControlList>"
                + "<DataRedundancyType>LRS</DataRedundancyType><Comment></Comment>"
                + "<ServerSideEncryptionRule><SSEAlgorithm>None</SSEAlgorithm>"
                + "</ServerSideEncryptionRule>"
                + "<BucketPolicy><LogBucket></LogBucket><LogPrefix></LogPrefix></BucketPolicy>"
                + "</Bucket></BucketInfo>");
  }

  static Stream<Arguments> rulesInBucketInfo() {
    return Stream.of(
        Arguments.of(EncryptionRule.of(SseAlgorithm.AES256), "<SSEAlgorithm>AES256</SSEAlgorithm>"),
        Arguments.of(EncryptionRule.of(SseAlgorithm.SM4), "<SSEAlgorithm>SM4</SSEAlgorithm>"),
        Arguments.of(EncryptionRule.of(SseAlgorithm.KMS), "<SSEAlgorithm>KMS</SSEAlgorithm>"),
        Arguments.of(
            new EncryptionRule(SseAlgorithm.KMS, "key-1", "SM4"),
            "<SSEAlgorithm>KMS</SSEAlgorithm><KMSMasterKeyID>key-1</KMSMasterKeyID>"
                + "<KMSDataEncryption>SM4</KMSDataEncryption>"));
  }

  @ParameterizedTest
  @MethodSource("rulesInBucketInfo")
  void showsTheRuleFlatInBucketInfo(EncryptionRule rule, String elements) {
    storeRule(rule);
    assertThat(text(info()))
        .contains(
            "<ServerSideEncryptionRule>" + elements + "</ServerSideEncryptionRule><BucketPolicy>")
        .doesNotContain("ApplyServerSideEncryptionByDefault");
  }

  @Test
  void showsSseAlgorithmNoneAgainAfterTheRuleIsDeleted() {
    storeRule(EncryptionRule.of(SseAlgorithm.KMS));
    storeRule(null);
    assertThat(text(info()))
        .contains("<ServerSideEncryptionRule><SSEAlgorithm>None</SSEAlgorithm>");
  }

  @Test
  void writesTheLocationAsTheRootText() {
    OssResponse response = operations.getBucketLocation(on("GET", "?location").callBy(OWNER));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers()).containsEntry("Content-Type", "application/xml");
    assertThat(text(response))
        .isEqualTo(DECLARATION + "<LocationConstraint>oss-cn-hangzhou</LocationConstraint>");
  }

  @Test
  void writesTheAclWithOwnerAndGrant() {
    store.update(BUCKET, b -> b.withAcl("public-read"));
    OssResponse response = operations.getBucketAcl(on("GET", "?acl").callBy(OWNER));
    assertThat(response.status()).isEqualTo(200);
    assertThat(text(response))
        .isEqualTo(
            DECLARATION
                + "<AccessControlPolicy><Owner><ID>"
                + OWNER_ID
                + "</ID><DisplayName>"
                + OWNER_ID
                + "</DisplayName></Owner>"
                + "<AccessControlList><Grant>public-read</Grant></AccessControlList>"
                + "</AccessControlPolicy>");
  }

  @Test
  void putBucketAclChangesOnlyTheAcl() {
    Bucket before = stored();
    OssResponse response =
        operations.putBucketAcl(
            on("PUT", "?acl").header("x-oss-acl", "public-read-write").callBy(OWNER));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(stored()).isEqualTo(before.withAcl("public-read-write"));
  }

  @Test
  void putBucketAclRefusesAMissingOrUnknownAcl() {
    OssException missing =
        catchThrowableOfType(
            OssException.class, () -> operations.putBucketAcl(on("PUT", "?acl").callBy(OWNER)));
    OssException unknown =
        catchThrowableOfType(
            OssException.class,
            () ->
                operations.putBucketAcl(on("PUT", "?acl").header("x-oss-acl", "x").callBy(OWNER)));

    assertThat(missing.errorCode()).isEqualTo(OssErrorCode.INVALID_ARGUMENT);
    assertThat(missing.extras()).containsEntry("ArgumentName", "x-oss-acl");
    assertThat(unknown.errorCode()).isEqualTo(OssErrorCode.INVALID_ARGUMENT);
    assertThat(unknown.getMessage()).isEqualTo("no such bucket access control exists");
    assertThat(unknown.extras())
        .containsEntry("ArgumentName", "x-oss-acl")
        .containsEntry("ArgumentValue", "x");
    assertThat(stored().acl()).isEqualTo("private");
  }

  private Map<String, Function<Account, OssResponse>> everyAction() {
    return Map.of(
        "DeleteBucket",
        a -> operations.deleteBucket(on("DELETE", "").callBy(a)),
        "HeadBucket",
        a -> operations.headBucket(on("HEAD", "").callBy(a)),
        "GetBucketInfo",
        a -> operations.getBucketInfo(on("GET", "?bucketInfo").callBy(a)),
        "GetBucketLocation",
        a -> operations.getBucketLocation(on("GET", "?location").callBy(a)),
        "GetBucketAcl",
        a -> operations.getBucketAcl(on("GET", "?acl").callBy(a)),
        "PutBucketAcl",
        a ->
            operations.putBucketAcl(
                on("PUT", "?acl").header("x-oss-acl", "public-read").callBy(a)));
  }

  @Test
  void refusesAnotherAccountOnEveryActionAndChangesNothing() {
    storeRule(EncryptionRule.of(SseAlgorithm.SM4));
    Bucket before = stored();
    everyAction()
        .forEach(
            (action, call) -> {
              OssException error =
                  catchThrowableOfType(OssException.class, () -> call.apply(OTHER));
              assertThat(error).as(action).isNotNull();
              assertThat(error.errorCode()).as(action).isEqualTo(OssErrorCode.ACCESS_DENIED);
              assertThat(error.status()).as(action).isEqualTo(403);
              assertThat(error.getMessage())
                  .as(action)
                  .isEqualTo("The bucket you access does not belong to you.");
            });
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void answersNoSuchBucketOnEveryActionOnceTheBucketIsGone() {
    store.delete(BUCKET);
    everyAction()
        .forEach(
            (action, call) -> {
              if (action.equals("PutBucketAcl")) {
                return; // creates the bucket, as ali-oss's suite expects of OSS (next test)
              }
              OssException error =
                  catchThrowableOfType(OssException.class, () -> call.apply(OWNER));
              assertThat(error).as(action).isNotNull();
              assertThat(error.errorCode()).as(action).isEqualTo(OssErrorCode.NO_SUCH_BUCKET);
              assertThat(error.extras()).as(action).containsEntry("BucketName", BUCKET);
            });
    assertThat(store.find(BUCKET)).isEmpty();
  }

  @Test
  void putBucketAclCreatesAMissingBucketWithThatAcl() {
    store.delete(BUCKET);

    OssResponse response =
        operations.putBucketAcl(on("PUT", "?acl").header("x-oss-acl", "public-read").callBy(OWNER));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers()).containsEntry("Location", "/" + BUCKET);
    assertThat(stored().acl()).isEqualTo("public-read");
    assertThat(stored().ownerId()).isEqualTo(OWNER.ownerId());
  }
}
