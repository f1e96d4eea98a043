package dev.ossemu.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every value in a YAML document, by JSON pointer ({@code /accounts/0/name}), so that
 * problems found after mapping can still be reported at their line.
 */
final class YamlLocations {
  private final Map<String, Integer> lines = new HashMap<>();

  YamlLocations(YAMLFactory factory, byte[] document) throws IOException {
    try (JsonParser parser = factory.createParser(document)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token != JsonToken.FIELD_NAME) {
          String pointer = parser.getParsingContext().pathAsPointer().toString();
          lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
        }
      }
    }
  }

  /** The line of the value at {@code pointer}, or of its nearest enclosing value, or 0. */
  int lineOf(String pointer) {
    String path = pointer;
    while (true) {
      Integer line = lines.get(path);
      if (line != null) {
        return line;
      }
      int slash = path.lastIndexOf('/');
      if (slash < 0) {
        return 0;
      }
      path = path.substring(0, slash);
    }
  }
}
