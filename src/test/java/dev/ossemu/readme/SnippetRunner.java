package dev.ossemu.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.ossemu.OssEmulator;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Compiles the Java snippets of README.md and docker/README.md from the README's text and runs
 * them: a block of statements against an emulator started here (its endpoint instead of
 * 127.0.0.1:9000), a test class on the JUnit platform.
 */
final class SnippetRunner {
  /** What a reader's IDE would import for the statement snippets. */
  private static final String IMPORTS =
      String.join(
          "\n",
          "import com.aliyun.oss.*;",
          "import com.aliyun.oss.common.auth.*;",
          "import com.aliyun.oss.common.comm.SignVersion;",
          "import com.aliyun.oss.model.*;",
          "import com.aliyun.sdk.service.oss2.credentials.StaticCredentialsProvider;",
          "import dev.ossemu.*;",
          "import dev.ossemu.testcontainers.OssEmulatorContainer;",
          "");

  private static final Pattern CLASS = Pattern.compile("(?m)^(?:public )?class (\\w+)");

  private final Path dir;

  SnippetRunner(Path dir) {
    this.dir = dir;
  }

  /**
   * Compiles every Java snippet and runs those that need an engine or those that do not.
   *
   * @return how many ran
   */
  int compileAllAndRun(boolean engineSnippets) throws Exception {
    List<Snippets.Snippet> snippets = Snippets.all("java");
    assertThat(snippets).hasSizeGreaterThanOrEqualTo(5);
    int ran = 0;
    for (int n = 0; n < snippets.size(); n++) {
      Snippets.Snippet snippet = snippets.get(n);
      Matcher type = CLASS.matcher(snippet.code());
      boolean isClass = type.find();
      String name = isClass ? type.group(1) : "Snippet" + n;
      ClassLoader loader =
          compile(snippet, name, isClass ? unit(snippet) : statements(snippet, name));
      if (snippet.code().contains("OssEmulatorContainer") != engineSnippets) {
        continue;
      }
      if (isClass) {
        runTests(snippet, loader.loadClass(name));
      } else {
        try (OssEmulator emulator = OssEmulator.builder().build().start()) {
          loader.loadClass(name).getMethod("run", String.class).invoke(null, emulator.endpoint());
        }
      }
      ran++;
    }
    return ran;
  }

  /** A whole class: as written, with the imports a reader adds when the README shows none. */
  private static String unit(Snippets.Snippet snippet) {
    String code = snippet.code();
    if (code.contains("\nimport ") || code.startsWith("import ")) {
      return code;
    }
    return IMPORTS
        + "import dev.ossemu.junit.*;\nimport org.junit.jupiter.api.*;\n"
        + "import static org.assertj.core.api.Assertions.assertThat;\n"
        + code;
  }

  /** Statements: the body of a method, pointed at this test's emulator. */
  private static String statements(Snippets.Snippet snippet, String name) {
    String imports = IMPORTS;
    if (snippet.code().contains("OSSClient.newBuilder")) {
      // The V2 client: a single-type import wins over the 3.x package's OSSClient.
      imports += "import com.aliyun.sdk.service.oss2.OSSClient;\n";
    }
    String body = snippet.code().replace("\"http://127.0.0.1:9000\"", "readmeEndpoint");
    return imports
        + "public class "
        + name
        + " {\n  public static void run(String readmeEndpoint) throws Exception {\n"
        + body
        + "\n  }\n}\n";
  }

  private ClassLoader compile(Snippets.Snippet snippet, String name, String source)
      throws Exception {
    Path sources = Files.createDirectories(dir.resolve("src" + snippet.line()));
    Path classes = Files.createDirectories(dir.resolve("classes" + snippet.line()));
    Path file = Files.writeString(sources.resolve(name + ".java"), source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    List<String> options =
        new ArrayList<>(
            List.of(
                "-d",
                classes.toString(),
                "-classpath",
                System.getProperty("java.class.path"),
                "-proc:none",
                "-Xlint:none"));
    var files = javac.getStandardFileManager(null, null, null);
    boolean ok =
        javac
            .getTask(errors, files, null, options, null, files.getJavaFileObjects(file.toFile()))
            .call();
    assertThat(ok).as(snippet + " compiles:\n" + errors + "\n" + source).isTrue();
    return new URLClassLoader(
        new URL[] {classes.toUri().toURL()}, SnippetRunner.class.getClassLoader());
  }

  private static void runTests(Snippets.Snippet snippet, Class<?> test) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request().selectors(selectClass(test)).build(),
            listener);
    TestExecutionSummary summary = listener.getSummary();
    StringWriter failures = new StringWriter();
    summary.printFailuresTo(new java.io.PrintWriter(failures), 5);
    assertThat(summary.getTestsSucceededCount()).as(snippet + " runs tests").isPositive();
    assertThat(summary.getTotalFailureCount()).as(snippet + ":\n" + failures).isZero();
  }
}
