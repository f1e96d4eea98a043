package dev.ossemu.request;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Request headers keyed by lower-cased name, in byte order of that name. Signatures canonicalise
 * header names to lower case and sort them (spec §10.1, §10.3), so keeping them that way here makes
 * both cheap and leaves one place that decides how repeated headers combine.
 */
public final class Headers {
  private final TreeMap<String, List<String>> values = new TreeMap<>();

  /** Adds one value; a repeated name keeps every value in arrival order. */
  public Headers add(String name, String value) {
    values.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(value);
    return this;
  }

  /** The first value of the header, or null. */
  public String get(String name) {
    List<String> list = values.get(name.toLowerCase(Locale.ROOT));
    return list == null ? null : list.get(0);
  }

  /**
   * The value as a signature sees it: every value trimmed and repeated ones joined with {@code ","}
   * (spec §10.1: GO2 joins duplicates with a comma, and so does the old DOC).
   */
  public String joined(String name) {
    List<String> list = values.get(name.toLowerCase(Locale.ROOT));
    if (list == null) {
      return null;
    }
    if (list.size() == 1) {
      return list.get(0).trim();
    }
    StringBuilder out = new StringBuilder();
    for (String value : list) {
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(value.trim());
    }
    return out.toString();
  }

  public boolean contains(String name) {
    return values.containsKey(name.toLowerCase(Locale.ROOT));
  }

  /** Lower-cased names in byte order, each with all its values. */
  public Map<String, List<String>> asMap() {
    return Collections.unmodifiableMap(values);
  }

  /** How many header lines arrived. */
  public int lineCount() {
    int count = 0;
    for (List<String> list : values.values()) {
      count += list.size();
    }
    return count;
  }
}
