package dev.ossemu.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.request.Target;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bucket and key from Host and path, path style and virtual host (spec §11). */
class AddressingTest {
  private final Addressing addressing = new Addressing(Set.of("oss.test"));

  @ParameterizedTest(name = "{0} {1} -> bucket {2}, key {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        // path style on IPs, localhost and unknown names (compose services, host.docker.internal)
        "127.0.0.1:9000|/|null|''",
        "127.0.0.1:9000|/examplebucket/|examplebucket|''",
        "127.0.0.1:9000|/examplebucket|examplebucket|''",
        "localhost:9000|/examplebucket/dir/file.txt|examplebucket|dir/file.txt",
        "127.0.0.1|/examplebucket/key%2B123|examplebucket|key+123",
        "127.0.0.1|/examplebucket/a+b%20c|examplebucket|a+b c",
        "[::1]:9000|/examplebucket/k|examplebucket|k",
        "::1|/examplebucket/|examplebucket|''",
        "oss-emulator:9000|/examplebucket/k|examplebucket|k",
        "host.docker.internal:9000|/examplebucket/|examplebucket|''",
        "oss-cn-hangzhou.aliyuncs.com|/examplebucket/k|examplebucket|k",
        // virtual hosts under localhost, a configured name and OSS endpoints
        "examplebucket.localhost:9000|/|examplebucket|''",
        "examplebucket.localhost:9000|/dir/%E4%BD%A0.txt|examplebucket|dir/你.txt",
        "examplebucket.oss.test|/k|examplebucket|k",
        "examplebucket.oss-cn-hangzhou.aliyuncs.com|/|examplebucket|''",
        "examplebucket.oss-cn-hangzhou-internal.aliyuncs.com:80|/a/b|examplebucket|a/b",
        // NODE's IP-endpoint quirk: service calls go to undefined.<endpoint>
        "undefined.oss-cn-hangzhou.aliyuncs.com|/|null|''",
      })
  void resolvesBucketAndKey(String host, String path, String bucket, String key) {
    assertThat(addressing.resolve(host, path)).isEqualTo(new Target(bucket, key));
  }
}
