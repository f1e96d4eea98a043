package dev.ossemu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The version: from this project's manifest when there is one, else from the built resource. */
class VersionTest {
  @Test
  void takesOnlyThisProjectsManifest() {
    assertThat(Version.fromManifest("oss-emulator", "1.2.3")).isEqualTo("1.2.3");
    assertThat(Version.fromManifest("someones-service", "9.9")).isNull();
    assertThat(Version.fromManifest(null, "9.9")).isNull();
    assertThat(Version.fromManifest(null, null)).isNull();
  }

  @Test
  void fallsBackToTheResourceOutsideTheJar() {
    assertThat(Version.get()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }
}
