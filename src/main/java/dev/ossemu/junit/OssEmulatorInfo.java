package dev.ossemu.junit;

import dev.ossemu.OssEmulator;

/**
 * What a test needs to point an OSS client at a running emulator.
 *
 * @param endpoint {@code http://127.0.0.1:<port>}
 * @param port the bound port
 * @param region the region, e.g. {@code cn-hangzhou}
 * @param accessKeyId the first account's access key id
 * @param accessKeySecret the first account's access key secret
 */
public record OssEmulatorInfo(
    String endpoint, int port, String region, String accessKeyId, String accessKeySecret) {

  /** The information of a running emulator. */
  public static OssEmulatorInfo of(OssEmulator emulator) {
    return new OssEmulatorInfo(
        emulator.endpoint(),
        emulator.port(),
        emulator.region(),
        emulator.accessKeyId(),
        emulator.accessKeySecret());
  }

  @Override
  public String toString() {
    return "OssEmulatorInfo[endpoint=" + endpoint + ", region=" + region + "]";
  }
}
