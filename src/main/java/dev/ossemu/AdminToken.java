package dev.ossemu;

import dev.ossemu.admin.AdminSettings;
import java.security.SecureRandom;
import java.util.Base64;

/** The bearer token an {@link OssEmulator}'s admin API requires, if any. */
final class AdminToken {
  private AdminToken() {}

  /**
   * The configured token; bound beyond loopback without one (a container on 0.0.0.0), a random one,
   * since anything on the network could otherwise reset, mint credentials or inject faults.
   */
  static String effective(EmulatorConfig config) {
    if (!config.admin() || config.adminToken() != null || AdminSettings.isLoopback(config.host())) {
      return config.adminToken();
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
