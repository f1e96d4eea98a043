package dev.ossemu.blob;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The default storage bound follows the heap: min(512 MiB, half the maximum heap). */
class StorageQuotaDefaultTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void isHalfOfASmallHeapAnd512MibOfALargeOne() {
    assertThat(StorageQuota.defaultBytes(96 * MIB)).isEqualTo(48 * MIB);
    assertThat(StorageQuota.defaultBytes(1024 * MIB)).isEqualTo(512 * MIB);
    assertThat(StorageQuota.defaultBytes(8192 * MIB)).isEqualTo(512 * MIB);
    assertThat(StorageQuota.defaultBytes())
        .isEqualTo(Math.min(512 * MIB, Runtime.getRuntime().maxMemory() / 2));
  }
}
