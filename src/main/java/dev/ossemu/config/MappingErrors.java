package dev.ossemu.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Jackson's mapping errors in the words of the file's shape: a user who typed {@code acessKeys}
 * needs the field names an account takes, not the name of a Java class.
 */
final class MappingErrors {
  /** What each part of {@link ConfigFile} is called in a message. */
  private static final Map<Class<?>, String> NAMES =
      Map.of(
          ConfigFile.class, "the top level",
          ConfigFile.AccountSpec.class, "an account",
          ConfigFile.KeySpec.class, "an access key",
          ConfigFile.RamUserSpec.class, "a RAM user",
          ConfigFile.BucketSpec.class, "a bucket",
          ConfigFile.EncryptionSpec.class, "an encryption rule",
          ConfigFile.StsSpec.class, "STS credentials");

  private MappingErrors() {}

  /** The problem in plain words, without the line (the caller adds it). */
  static String describe(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return unknownField(unknown.getPropertyName(), unknown.getReferringClass());
    }
    String field = fieldName(e.getPath());
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return (field == null ? "the file" : field) + " must be " + shape(mismatch.getTargetType());
    }
    return (field == null ? "the file" : field) + " has a value of the wrong kind";
  }

  static String unknownField(String field, Class<?> in) {
    String where = NAMES.getOrDefault(in, "this place");
    String prefix = "unknown field \"" + field + "\" " + (in == ConfigFile.class ? "at " : "in ");
    if (!in.isRecord()) {
      return prefix + where;
    }
    // Declaration order is the order of the documented example file.
    String expected =
        Arrays.stream(in.getRecordComponents())
            .map(RecordComponent::getName)
            .collect(Collectors.joining(", "));
    return prefix + where + "; expected one of: " + expected;
  }

  /** The innermost field name on the path, with the index of a list entry if there is one. */
  private static String fieldName(List<JsonMappingException.Reference> path) {
    for (int i = path.size() - 1; i >= 0; i--) {
      String name = path.get(i).getFieldName();
      if (name != null) {
        return i == path.size() - 1 ? "\"" + name + "\"" : "each entry of \"" + name + "\"";
      }
    }
    return null;
  }

  private static String shape(Class<?> type) {
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list ([a, b] or lines starting with -)";
    }
    if (type == String.class) {
      return "a single value such as text or a number";
    }
    if (type.isRecord()) {
      return "a mapping of fields (" + NAMES.getOrDefault(type, "key: value") + ")";
    }
    return "a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }
}
