package dev.ossemu.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The READMEs' Testcontainers snippets, run against the image on a real engine. */
class ReadmeSnippetsContainerIT {
  @Test
  void everyTestcontainersSnippetRuns(@TempDir Path dir) throws Exception {
    dev.ossemu.docker.Engine.requireImage();
    assertThat(new SnippetRunner(dir).compileAllAndRun(true)).isPositive();
  }
}
