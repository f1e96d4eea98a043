package dev.ossemu.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.request.Headers;
import dev.ossemu.request.OssRequest;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/**
 * The rules a socket test cannot reach: without a token a loopback-bound emulator only has loopback
 * peers, and one bound beyond loopback always has a token. Checked here directly.
 */
class AdminAccessTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private static OssRequest reset(String host) {
    return OssRequest.of(
        "5C1B138A109F4E405B2D8AEF",
        "POST",
        "/_emulator/reset",
        new Headers().add("Host", host),
        new byte[0]);
  }

  @Test
  void refusesEveryoneWhenBoundBeyondLoopbackWithoutAToken() {
    AdminAccess.Refusal refusal =
        new AdminAccess(null, "0.0.0.0").check(reset("127.0.0.1:9000"), LOOPBACK);
    assertThat(refusal.status()).isEqualTo(403);
    assertThat(refusal.rule()).isEqualTo("bind");
    assertThat(refusal.message()).contains("--admin-token").contains("OSS_EMULATOR_ADMIN_TOKEN");
  }

  @Test
  void refusesAPeerThatIsNotLoopbackOrUnknown() throws Exception {
    AdminAccess access = new AdminAccess(null, "127.0.0.1");
    InetAddress remote = InetAddress.getByName("192.0.2.7");
    assertThat(access.check(reset("127.0.0.1:9000"), remote).rule()).isEqualTo("peer");
    assertThat(access.check(reset("127.0.0.1:9000"), null).rule()).isEqualTo("peer");
    assertThat(access.check(reset("127.0.0.1:9000"), LOOPBACK)).isNull();
  }

  @Test
  void acceptsTheBoundAddressAsHostAndLoopbackLiteralsWithoutALookup() {
    AdminAccess access = new AdminAccess(null, "localhost");
    assertThat(access.check(reset("localhost"), LOOPBACK)).isNull();
    assertThat(access.check(reset("[::1]:9000"), LOOPBACK)).isNull();
    assertThat(access.check(reset("::1"), LOOPBACK)).isNull();
    assertThat(access.check(reset("127.8.9.10:1"), LOOPBACK)).isNull();
    // Names are never looked up: one that resolves to loopback is still a rebinding name.
    assertThat(access.check(reset("localtest.me:9000"), LOOPBACK).rule()).isEqualTo("host");
    assertThat(access.check(reset("0x7f.0.0.1"), LOOPBACK).rule()).isEqualTo("host");
  }

  @Test
  void readsTheBearerSchemeCaseInsensitivelyAndTheTokenExactly() {
    AdminAccess access = new AdminAccess("T0ken", "0.0.0.0");
    InetAddress remote = InetAddress.getLoopbackAddress();
    for (String ok : new String[] {"Bearer T0ken", "bearer T0ken", "BEARER  T0ken "}) {
      assertThat(access.check(withAuthorization(ok), remote)).as(ok).isNull();
    }
    for (String bad :
        new String[] {
          "Bearer t0ken",
          "Bearer T0ke",
          "Bearer T0ken2",
          "T0ken",
          "Basic T0ken",
          "Bearer",
          "Bearer "
        }) {
      assertThat(access.check(withAuthorization(bad), remote).status()).as(bad).isEqualTo(401);
    }
  }

  private static OssRequest withAuthorization(String value) {
    OssRequest request = reset("127.0.0.1:9000");
    request.headers().add("Authorization", value);
    return request;
  }

  @Test
  void knowsLoopbackBindAddresses() {
    assertThat(AdminAccess.isLoopbackHost("127.0.0.1")).isTrue();
    assertThat(AdminAccess.isLoopbackHost("localhost")).isTrue();
    assertThat(AdminAccess.isLoopbackHost("::1")).isTrue();
    assertThat(AdminAccess.isLoopbackHost("[::1]")).isTrue();
    assertThat(AdminAccess.isLoopbackHost("0.0.0.0")).isFalse();
    assertThat(AdminAccess.isLoopbackHost("::")).isFalse();
    assertThat(AdminAccess.isLoopbackHost("192.0.2.7")).isFalse();
  }
}
