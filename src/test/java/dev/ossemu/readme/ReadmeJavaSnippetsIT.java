package dev.ossemu.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java snippet of the READMEs compiles as written, and every one that needs no Docker engine
 * runs; the Testcontainers ones run in {@code ReadmeContainerSnippetsContainerIT}.
 */
class ReadmeJavaSnippetsIT {
  @Test
  void everyJavaSnippetCompilesAndRuns(@TempDir Path dir) throws Exception {
    assertThat(new SnippetRunner(dir).compileAllAndRun(false)).isGreaterThanOrEqualTo(5);
  }
}
