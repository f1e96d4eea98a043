package dev.ossemu.operation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.bucket.Bucket;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.SseAlgorithm;
import dev.ossemu.xml.AccessControlPolicy.AccessControlList;
import dev.ossemu.xml.BucketInfo;
import dev.ossemu.xml.ListAllMyBucketsResult.BucketSummary;
import dev.ossemu.xml.Owner;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a bucket looks in ListBuckets and GetBucketInfo (spec §6–7). */
class BucketViewsTest {
  private static Bucket bucket(Instant created, EncryptionRule rule) {
    return new Bucket("b-1", "1234", "cn-shanghai", created, "IA", "ZRS", "public-read", rule);
  }

  @Test
  void namesTheLocationAfterTheRegion() {
    assertThat(BucketViews.location("cn-hangzhou")).isEqualTo("oss-cn-hangzhou");
  }

  @Test
  void showsTheOwnerIdAsDisplayNameToo() {
    assertThat(BucketViews.owner("1234")).isEqualTo(new Owner("1234", "1234"));
  }

  @ParameterizedTest
  @CsvSource({
    "2013-07-31T10:56:21Z, 2013-07-31T10:56:21.000Z",
    "2026-01-02T03:04:05.7Z, 2026-01-02T03:04:05.000Z",
    "2026-12-31T23:59:59.999999999Z, 2026-12-31T23:59:59.000Z",
    "1999-01-01T00:00:00.010Z, 1999-01-01T00:00:00.000Z"
  })
  void writesCreationDatesAsUtcWithZeroMilliseconds(String created, String expected) {
    assertThat(BucketViews.summary(bucket(Instant.parse(created), null), "").creationDate())
        .isEqualTo(expected);
  }

  @Test
  void summarisesEndpointsLocationRegionAndStorageClass() {
    assertThat(BucketViews.summary(bucket(Instant.parse("2026-11-25T10:00:00Z"), null), ""))
        .isEqualTo(
            new BucketSummary(
                "2026-11-25T10:00:00.000Z",
                "oss-cn-shanghai.aliyuncs.com",
                "oss-cn-shanghai-internal.aliyuncs.com",
                "oss-cn-shanghai",
                "b-1",
                "cn-shanghai",
                "IA",
                "rg-default-id"));
  }

  @Test
  void infoCarriesEveryFieldOfTheBucket() {
    BucketInfo.Bucket info =
        BucketViews.info(bucket(Instant.parse("2026-11-25T10:00:00Z"), null)).bucket();
    assertThat(info)
        .isEqualTo(
            new BucketInfo.Bucket(
                "Disabled",
                "2026-11-25T10:00:00.000Z",
                "oss-cn-shanghai.aliyuncs.com",
                "oss-cn-shanghai-internal.aliyuncs.com",
                "oss-cn-shanghai",
                "IA",
                "Disabled",
                "Disabled",
                "b-1",
                "rg-default-id",
                new Owner("1234", "1234"),
                new AccessControlList("public-read"),
                "ZRS",
                "",
                new BucketInfo.SseRule("None", null, null),
                new BucketInfo.BucketPolicy("", "")));
  }

  @Test
  void infoShowsTheStoredRuleWithOnlyTheFieldsItHas() {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    assertThat(
            BucketViews.info(bucket(now, EncryptionRule.of(SseAlgorithm.AES256)))
                .bucket()
                .serverSideEncryptionRule())
        .isEqualTo(new BucketInfo.SseRule("AES256", null, null));
    assertThat(
            BucketViews.info(bucket(now, new EncryptionRule(SseAlgorithm.KMS, "k", "SM4")))
                .bucket()
                .serverSideEncryptionRule())
        .isEqualTo(new BucketInfo.SseRule("KMS", "k", "SM4"));
  }
}
