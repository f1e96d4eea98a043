package dev.ossemu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.auth.Account;
import org.junit.jupiter.api.Test;

/** The builder's defaults. */
class OssEmulatorBuilderTest {
  @Test
  void theDefaultAccountIsTheOneItsAccessKeyDerives() {
    assertThat(OssEmulatorBuilder.DEFAULT_OWNER_ID)
        .isEqualTo(Account.ownerIdFor(EmulatorConfig.DEFAULT_ACCESS_KEY_ID));
    assertThat(OssEmulator.builder().build().config().accounts())
        .containsExactly(
            Account.of(
                EmulatorConfig.DEFAULT_ACCESS_KEY_ID, EmulatorConfig.DEFAULT_ACCESS_KEY_SECRET));
  }
}
