package dev.ossemu.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.request.Target;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Path style and virtual-host style resolution of bucket and key (spec §11). */
class AddressingStylesTest {
  private final Addressing addressing = new Addressing(Set.of("oss.example.test"));

  private Target resolve(String host, String path) {
    return addressing.resolve(host, path);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.0.0.1:9000",
        "10.0.2.2:80",
        "localhost",
        "localhost:9000",
        "LOCALHOST:9000",
        "[::1]:9000",
        "[::1]",
        "::1",
        "oss-emulator:9000",
        "host.docker.internal:9000",
        "oss.example.test",
        "oss-cn-hangzhou.aliyuncs.com",
        ""
      })
  void readsPathStyleOnIpsLocalhostAndUnknownNames(String host) {
    assertThat(resolve(host, "/")).isEqualTo(Target.service());
    assertThat(resolve(host, "/examplebucket/")).isEqualTo(new Target("examplebucket", ""));
    assertThat(resolve(host, "/examplebucket")).isEqualTo(new Target("examplebucket", ""));
    assertThat(resolve(host, "/examplebucket/dir/a.txt"))
        .isEqualTo(new Target("examplebucket", "dir/a.txt"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/b/key%2B123|key+123",
        "/b/a+b|a+b",
        "/b/a%20b|a b",
        "/b/dir%2Fsub/x|dir/sub/x",
        "/b/%E4%BD%A0%E5%A5%BD.txt|你好.txt",
        "/b/%25|%",
        "/b//leading|/leading",
        "/b/trailing/|trailing/"
      })
  void decodesThePathStyleKeyKeepingPlusSigns(String path, String key) {
    assertThat(resolve("127.0.0.1:9000", path)).isEqualTo(new Target("b", key));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "examplebucket.localhost:9000",
        "examplebucket.localhost",
        "ExampleBucket.LocalHost:9000",
        "examplebucket.oss-cn-hangzhou.aliyuncs.com",
        "examplebucket.oss-cn-hangzhou.aliyuncs.com:443",
        "examplebucket.oss-cn-hangzhou-internal.aliyuncs.com",
        "examplebucket.oss-ap-southeast-1.aliyuncs.com",
        "examplebucket.OSS-CN-HANGZHOU.ALIYUNCS.COM",
        "examplebucket.oss.example.test:9000"
      })
  void readsTheBucketFromAVirtualHost(String host) {
    assertThat(resolve(host, "/")).isEqualTo(new Target("examplebucket", ""));
    assertThat(resolve(host, "/dir/key%2B1.txt"))
        .isEqualTo(new Target("examplebucket", "dir/key+1.txt"));
    assertThat(resolve(host, "/examplebucket/k"))
        .isEqualTo(new Target("examplebucket", "examplebucket/k"));
  }

  @Test
  void mapsNodesUndefinedBucketAtTheRootToTheService() {
    assertThat(resolve("undefined.oss-cn-hangzhou.aliyuncs.com", "/")).isEqualTo(Target.service());
    assertThat(resolve("undefined.oss-cn-hangzhou.aliyuncs.com:9000", "/"))
        .isEqualTo(Target.service());
    assertThat(resolve("undefined.oss-cn-hangzhou.aliyuncs.com", "/k"))
        .isEqualTo(new Target("undefined", "k"));
  }

  @Test
  void readsNodesRewrittenHostAsAVirtualHost() {
    // NODE against an IP endpoint: no bucket in the path, Host <bucket>.<region endpoint>.
    assertThat(resolve("mybucket.oss-cn-hangzhou.aliyuncs.com", "/key"))
        .isEqualTo(new Target("mybucket", "key"));
    assertThat(resolve("mybucket.oss-cn-hangzhou.aliyuncs.com", "/"))
        .isEqualTo(new Target("mybucket", ""));
  }

  @Test
  void treatsOnlyOneLabelInFrontOfAKnownHostAsABucket() {
    assertThat(resolve("a.b.localhost:9000", "/x/y")).isEqualTo(new Target("x", "y"));
    assertThat(resolve("bucket.example.com", "/x/")).isEqualTo(new Target("x", ""));
  }

  @Test
  void stripsPortsFromNamesAndIpLiterals() {
    assertThat(Addressing.stripPort("localhost:9000")).isEqualTo("localhost");
    assertThat(Addressing.stripPort("localhost")).isEqualTo("localhost");
    assertThat(Addressing.stripPort("[::1]:9000")).isEqualTo("::1");
    assertThat(Addressing.stripPort("[fe80::1]")).isEqualTo("fe80::1");
    assertThat(Addressing.stripPort("fe80::1")).isEqualTo("fe80::1");
    assertThat(Addressing.stripPort("10.0.0.1:80")).isEqualTo("10.0.0.1");
  }
}
