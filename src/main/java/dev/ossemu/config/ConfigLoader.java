package dev.ossemu.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ossemu.OssEmulatorBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a configuration file into an {@link OssEmulatorBuilder}. Everything is checked before the
 * emulator starts: bad YAML, unknown fields, duplicate access keys, unknown owners and invalid
 * rules each stop start-up with the file, the line and the problem.
 */
public final class ConfigLoader {
  private final YAMLFactory yaml = new YAMLFactory();
  private final ObjectMapper mapper =
      new ObjectMapper(yaml)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

  /**
   * Loads {@code file} into {@code builder}.
   *
   * @throws ConfigException when the file cannot be read or is not a valid configuration
   */
  public void load(Path file, OssEmulatorBuilder builder) throws ConfigException {
    String name = file.toString();
    byte[] document;
    try {
      document = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException(name, 0, "cannot read the file: " + readProblem(e));
    }
    YamlLocations locations;
    ConfigFile config;
    try {
      locations = new YamlLocations(yaml, document);
    } catch (JsonProcessingException e) {
      throw new ConfigException(name, lineOf(e), e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException(name, 0, e.getMessage());
    }
    try {
      config = mapper.readValue(document, ConfigFile.class);
    } catch (JsonMappingException e) {
      // The mapper's own location is where it stopped reading; the path names the culprit.
      int line = locations.lineOf(pointer(e));
      throw new ConfigException(name, line > 0 ? line : lineOf(e), MappingErrors.describe(e));
    } catch (JsonProcessingException e) {
      throw new ConfigException(name, lineOf(e), e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException(name, 0, "cannot read the file: " + e.getMessage());
    }
    if (config == null) {
      throw new ConfigException(name, 0, "the file is empty");
    }
    new ConfigValidator(name, locations).apply(config, builder);
  }

  /** The reason without an exception class name: NIO's messages are only the path. */
  private static String readProblem(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() == null ? "an I/O error" : e.getMessage();
  }

  private static int lineOf(JsonProcessingException e) {
    JsonLocation where = e.getLocation();
    return where == null ? 0 : where.getLineNr();
  }

  /** The JSON pointer of the element a mapping error is about. */
  private static String pointer(JsonMappingException e) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      pointer.append('/');
      pointer.append(
          reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex());
    }
    return pointer.toString();
  }
}
