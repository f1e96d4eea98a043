package dev.ossemu.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fenced code blocks of the project's READMEs, by language, as a reader copies them. */
final class Snippets {
  static final List<Path> READMES = List.of(Path.of("README.md"), Path.of("docker/README.md"));

  /** A block, with where it starts so that a failure points at it. */
  record Snippet(Path file, int line, String language, String code) {
    @Override
    public String toString() {
      return file + ":" + line + " (" + language + ")";
    }
  }

  private Snippets() {}

  static List<Snippet> all(String language) throws IOException {
    List<Snippet> snippets = new ArrayList<>();
    for (Path readme : READMES) {
      List<String> lines = Files.readAllLines(readme);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).strip().equals("```" + language)) {
          int start = i + 1;
          StringBuilder code = new StringBuilder();
          for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
            code.append(lines.get(i)).append('\n');
          }
          snippets.add(new Snippet(readme, start + 1, language, code.toString()));
        }
      }
    }
    return snippets;
  }

  /**
   * Every {@code docker run} command of the shell blocks, continuation lines joined and trailing
   * comments dropped.
   */
  static List<String> dockerRuns() throws IOException {
    List<String> commands = new ArrayList<>();
    List<Snippet> blocks = new ArrayList<>(all("sh"));
    blocks.addAll(all("yaml"));
    for (Snippet block : blocks) {
      StringBuilder current = new StringBuilder();
      for (String raw : block.code().split("\n")) {
        String line = stripComment(raw).strip();
        if (line.endsWith("\\")) {
          current.append(line, 0, line.length() - 1).append(' ');
          continue;
        }
        String command = current.append(line).toString();
        current.setLength(0);
        int at = command.indexOf("docker run ");
        if (at >= 0) {
          commands.add(command.substring(at).strip());
        }
      }
    }
    return commands;
  }

  private static String stripComment(String line) {
    int hash = line.indexOf(" #");
    return hash < 0 ? line : line.substring(0, hash);
  }
}
