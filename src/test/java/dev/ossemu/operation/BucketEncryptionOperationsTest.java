package dev.ossemu.operation;

import static dev.ossemu.testing.SignedRequests.OTHER;
import static dev.ossemu.testing.SignedRequests.OWNER;
import static dev.ossemu.testing.SignedRequests.bucket;
import static dev.ossemu.testing.SignedRequests.request;
import static dev.ossemu.testing.SignedRequests.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossemu.auth.Account;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.InMemoryBucketStore;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.OssResponse;
import dev.ossemu.xml.XmlCodec;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Put, Get and DeleteBucketEncryption against a real in-memory store (spec §1–3). */
class BucketEncryptionOperationsTest {
  private static final String BUCKET = "examplebucket";
  private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  private static final EncryptionRule PREVIOUS = new EncryptionRule(SseAlgorithm.KMS, "old", null);

  private final BucketStore store = new InMemoryBucketStore();
  private final BucketEncryptionOperations operations =
      new BucketEncryptionOperations(new BucketAccess(store), new XmlCodec());

  @BeforeEach
  void createBucket() {
    store.createIfAbsent(bucket(BUCKET, OWNER, null));
  }

  private static String rule(String inner) {
    return "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>"
        + inner
        + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>";
  }

  private OssResponse put(Account account, String body) {
    return operations.putBucketEncryption(
        request("PUT", "/" + BUCKET + "/?encryption").body(body).callBy(account));
  }

  private OssResponse get(Account account) {
    return operations.getBucketEncryption(
        request("GET", "/" + BUCKET + "/?encryption").callBy(account));
  }

  private OssResponse delete(Account account) {
    return operations.deleteBucketEncryption(
        request("DELETE", "/" + BUCKET + "/?encryption").callBy(account));
  }

  private EncryptionRule stored() {
    return store.find(BUCKET).orElseThrow().encryption();
  }

  private void storeRule(EncryptionRule rule) {
    store.update(BUCKET, b -> b.withEncryption(rule));
  }

  @Test
  void putStoresTheRuleAndAnswers200WithAnEmptyBody() {
    OssResponse response = put(OWNER, rule("<SSEAlgorithm>KMS</SSEAlgorithm>"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.contentLength()).isZero();
    assertThat(stored()).isEqualTo(EncryptionRule.of(SseAlgorithm.KMS));
  }

  @Test
  void putReplacesAnExistingRule() {
    storeRule(PREVIOUS);
    put(OWNER, rule("<SSEAlgorithm>SM4</SSEAlgorithm><KMSMasterKeyID></KMSMasterKeyID>"));
    assertThat(stored()).isEqualTo(EncryptionRule.of(SseAlgorithm.SM4));
  }

  static Stream<Arguments> rejectedBodies() {
    return Stream.of(
        Arguments.of("", OssErrorCode.MALFORMED_XML),
        Arguments.of("<ServerSideEncryptionRule>", OssErrorCode.MALFORMED_XML),
        Arguments.of(
            rule("<SSEAlgorithm>random</SSEAlgorithm>"), OssErrorCode.INVALID_ENCRYPTION_ALGORITHM),
        Arguments.of(
            rule("<SSEAlgorithm>AES256</SSEAlgorithm><KMSMasterKeyID>k</KMSMasterKeyID>"),
            OssErrorCode.INVALID_ARGUMENT),
        Arguments.of(
            rule("<SSEAlgorithm>KMS</SSEAlgorithm><KMSDataEncryption>AES</KMSDataEncryption>"),
            OssErrorCode.INVALID_ARGUMENT));
  }

  @ParameterizedTest
  @MethodSource("rejectedBodies")
  void aRejectedPutLeavesThePreviousRuleUnchanged(String body, OssErrorCode expected) {
    storeRule(PREVIOUS);
    OssException error = catchThrowableOfType(OssException.class, () -> put(OWNER, body));
    assertThat(error.errorCode()).isEqualTo(expected);
    assertThat(stored()).isEqualTo(PREVIOUS);
  }

  @Test
  void putOnAMissingBucketIsNoSuchBucketBeforeTheBodyIsRead() {
    OssException error =
        catchThrowableOfType(
            OssException.class,
            () ->
                operations.putBucketEncryption(
                    request("PUT", "/missing/?encryption").body("not xml").callBy(OWNER)));
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.NO_SUCH_BUCKET);
    assertThat(error.status()).isEqualTo(404);
    assertThat(error.ec()).isEqualTo("0015-00000101");
    assertThat(error.extras()).containsExactly(Map.entry("BucketName", "missing"));
    assertThat(store.find("missing")).isEmpty();
  }

  @Test
  void everyEncryptionActionRefusesAnotherAccountAndChangesNothing() {
    storeRule(PREVIOUS);
    OssException onPut =
        catchThrowableOfType(
            OssException.class, () -> put(OTHER, rule("<SSEAlgorithm>AES256</SSEAlgorithm>")));
    OssException onGet = catchThrowableOfType(OssException.class, () -> get(OTHER));
    OssException onDelete = catchThrowableOfType(OssException.class, () -> delete(OTHER));

    for (OssException error : new OssException[] {onPut, onGet, onDelete}) {
      assertThat(error.errorCode()).isEqualTo(OssErrorCode.ACCESS_DENIED);
      assertThat(error.status()).isEqualTo(403);
      assertThat(error.getMessage()).isEqualTo("The bucket you access does not belong to you.");
    }
    assertThat(stored()).isEqualTo(PREVIOUS);
  }

  @Test
  void getWritesAes256WithoutAKeyIdElement() {
    storeRule(EncryptionRule.of(SseAlgorithm.AES256));
    OssResponse response = get(OWNER);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers()).containsEntry("Content-Type", "application/xml");
    assertThat(text(response)).isEqualTo(DECLARATION + rule("<SSEAlgorithm>AES256</SSEAlgorithm>"));
  }

  @Test
  void getWritesSm4Alone() {
    storeRule(EncryptionRule.of(SseAlgorithm.SM4));
    assertThat(text(get(OWNER))).isEqualTo(DECLARATION + rule("<SSEAlgorithm>SM4</SSEAlgorithm>"));
  }

  @Test
  void getWritesKmsWithoutAKeyIdElementWhenNoneWasStored() {
    storeRule(EncryptionRule.of(SseAlgorithm.KMS));
    assertThat(text(get(OWNER))).isEqualTo(DECLARATION + rule("<SSEAlgorithm>KMS</SSEAlgorithm>"));
  }

  @Test
  void getWritesKmsWithItsKeyId() {
    storeRule(new EncryptionRule(SseAlgorithm.KMS, "9468da86-3509-4f8d-a61e-6eab1eac****", null));
    assertThat(text(get(OWNER)))
        .isEqualTo(
            DECLARATION
                + rule(
                    "<SSEAlgorithm>KMS</SSEAlgorithm>"
                        + "<KMSMasterKeyID>9468da86-3509-4f8d-a61e-6eab1eac****</KMSMasterKeyID>"));
  }

  @Test
  void getWritesKmsWithSm4DataEncryption() {
    storeRule(new EncryptionRule(SseAlgorithm.KMS, null, "SM4"));
    assertThat(text(get(OWNER)))
        .isEqualTo(
            DECLARATION
                + rule(
                    "<SSEAlgorithm>KMS</SSEAlgorithm><KMSDataEncryption>SM4</KMSDataEncryption>"));
    storeRule(new EncryptionRule(SseAlgorithm.KMS, "k", "SM4"));
    assertThat(text(get(OWNER)))
        .isEqualTo(
            DECLARATION
                + rule(
                    "<SSEAlgorithm>KMS</SSEAlgorithm><KMSMasterKeyID>k</KMSMasterKeyID>"
                        + "<KMSDataEncryption>SM4</KMSDataEncryption>"));
  }

  @Test
  void getShowsNoDataEncryptionAfterSm4WasDroppedUnderAes256() {
    put(
        OWNER,
        rule("<SSEAlgorithm>AES256</SSEAlgorithm><KMSDataEncryption>SM4</KMSDataEncryption>"));
    assertThat(text(get(OWNER)))
        .isEqualTo(DECLARATION + rule("<SSEAlgorithm>AES256</SSEAlgorithm>"));
  }

  @Test
  void getWithoutARuleIsNoSuchServerSideEncryptionRule() {
    OssException error = catchThrowableOfType(OssException.class, () -> get(OWNER));
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.NO_SUCH_SERVER_SIDE_ENCRYPTION_RULE);
    assertThat(error.code()).isEqualTo("NoSuchServerSideEncryptionRule");
    assertThat(error.status()).isEqualTo(404);
    assertThat(error.ec()).isEqualTo("0005-00000004");
  }

  @Test
  void deleteAnswers204AndIsIdempotent() {
    storeRule(PREVIOUS);
    OssResponse first = delete(OWNER);
    assertThat(first.status()).isEqualTo(204);
    assertThat(first.body()).isEmpty();
    assertThat(stored()).isNull();

    assertThat(delete(OWNER).status()).isEqualTo(204);
    assertThat(store.find(BUCKET)).isPresent();
  }

  @Test
  void getAfterDeleteIsNoSuchServerSideEncryptionRule() {
    put(OWNER, rule("<SSEAlgorithm>KMS</SSEAlgorithm>"));
    delete(OWNER);
    assertThat(catchThrowableOfType(OssException.class, () -> get(OWNER)).errorCode())
        .isEqualTo(OssErrorCode.NO_SUCH_SERVER_SIDE_ENCRYPTION_RULE);
  }

  @Test
  void getAndDeleteOnAMissingBucketAreNoSuchBucket() {
    store.delete(BUCKET);
    assertThat(catchThrowableOfType(OssException.class, () -> get(OWNER)).errorCode())
        .isEqualTo(OssErrorCode.NO_SUCH_BUCKET);
    assertThat(catchThrowableOfType(OssException.class, () -> delete(OWNER)).extras())
        .containsEntry("BucketName", BUCKET);
  }
}
