package dev.ossemu.operation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.operation.BucketViews.Endpoints;
import org.junit.jupiter.api.Test;

/** Which ExtranetEndpoint / IntranetEndpoint ListBuckets gives (spec §7). */
class BucketEndpointsTest {
  private static final Endpoints OSS =
      new Endpoints("oss-cn-hangzhou.aliyuncs.com", "oss-cn-hangzhou-internal.aliyuncs.com");

  @Test
  void aClientOnTheEmulatorsOwnAddressIsGivenThatAddress() {
    // oss2's suite opens every listed bucket at its ExtranetEndpoint: OSS's name would send it to
    // the cloud.
    assertThat(Endpoints.of("127.0.0.1:9000", "cn-hangzhou"))
        .isEqualTo(new Endpoints("127.0.0.1:9000", "127.0.0.1:9000"));
    assertThat(Endpoints.of("localhost", "cn-hangzhou"))
        .isEqualTo(new Endpoints("localhost", "localhost"));
    assertThat(Endpoints.of("[::1]:9000", "cn-hangzhou"))
        .isEqualTo(new Endpoints("[::1]:9000", "[::1]:9000"));
  }

  @Test
  void ossNamesAndAMissingHostGiveOssNames() {
    assertThat(Endpoints.of("oss-cn-hangzhou.aliyuncs.com", "cn-hangzhou")).isEqualTo(OSS);
    assertThat(Endpoints.of("oss-cn-hangzhou.aliyuncs.com:80", "cn-hangzhou")).isEqualTo(OSS);
    assertThat(Endpoints.of("", "cn-hangzhou")).isEqualTo(OSS);
    assertThat(Endpoints.of(null, "cn-hangzhou")).isEqualTo(OSS);
  }
}
