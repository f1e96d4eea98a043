package dev.ossemu.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The benchmark measures the emulator as the README starts it: the JVM flags of the README's start
 * command (none today) are {@code bench/run.sh}'s default {@code EMU_OPTS}, its load-test flags are
 * the ones the bench names for {@code EMU_OPTS}, and its small-footprint command's flags are the
 * default {@code SMALL_OPTS}. A flag changed in one place only would make the README's table
 * describe a command nobody runs.
 */
class ReadmeStartFlagsTest {
  private static final Path README = Path.of("README.md");
  private static final Path BENCH = Path.of("bench/run.sh");

  @Test
  void theBenchStartsTheEmulatorWithTheReadmeStartCommandsFlags() throws IOException {
    // The Set-up section's command, not the load-test one further down that looks the same.
    String readme = Files.readString(README);
    int setUp = readme.indexOf("## Set-up on a fresh machine");
    String section = readme.substring(setUp, readme.indexOf("\n## ", setUp + 1));
    String start = line(section, "^java (.*?)\\$\\(\\[ -f ");
    assertThat(flags(benchDefault("EMU_OPTS"))).isEqualTo(flags(start));
  }

  @Test
  void theBenchNamesTheReadmesLoadTestFlags() throws IOException {
    String load =
        line(Files.readString(README), "^java (-XX:\\+UseSerialGC -XX:CICompilerCount=\\S+) ");
    String bench =
        line(
            Files.readString(BENCH), "EMU_OPTS='([^']*)'\\s*#?\\s*measures the README's load-test");
    assertThat(flags(bench)).isEqualTo(flags(load));
  }

  @Test
  void theBenchMeasuresTheReadmesSmallFootprintFlags() throws IOException {
    // The README wraps the command over two lines; the flags are what precedes "-jar".
    String readme = Files.readString(README).replace("\\\n  ", "");
    String small = line(readme, "^java (-XX:\\+UseSerialGC -Xms8m.*?) -jar ");
    assertThat(flags(benchDefault("SMALL_OPTS"))).isEqualTo(flags(small));
  }

  private static String benchDefault(String knob) throws IOException {
    return line(Files.readString(BENCH), "\"\\$\\{" + knob + ":=([^}]*)\\}\"");
  }

  private static String line(String text, String regex) {
    Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
    assertThat(matcher.find()).as("%s in the text", regex).isTrue();
    return matcher.group(1);
  }

  private static List<String> flags(String text) {
    return text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
  }
}
