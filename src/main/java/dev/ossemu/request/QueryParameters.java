package dev.ossemu.request;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The decoded query string, in wire order. A parameter without {@code =} and one with an empty
 * value are the same thing to OSS (spec §1: NODE sends {@code encryption=}, the others {@code
 * encryption}), so both decode to the empty string.
 */
public final class QueryParameters {
  /** One decoded {@code name=value} pair. */
  public record Parameter(String name, String value) {}

  private final List<Parameter> parameters;

  private QueryParameters(List<Parameter> parameters) {
    this.parameters = Collections.unmodifiableList(parameters);
  }

  public static QueryParameters parse(String rawQuery) {
    List<Parameter> list = new ArrayList<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&", -1)) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        list.add(new Parameter(PercentCodec.decode(name, true), PercentCodec.decode(value, true)));
      }
    }
    return new QueryParameters(list);
  }

  public boolean has(String name) {
    return get(name) != null;
  }

  /** The first value of the parameter, or null when absent. */
  public String get(String name) {
    for (Parameter parameter : parameters) {
      if (parameter.name().equals(name)) {
        return parameter.value();
      }
    }
    return null;
  }

  public List<Parameter> all() {
    return parameters;
  }
}
