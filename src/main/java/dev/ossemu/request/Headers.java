package dev.ossemu.request;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Request headers, looked up by name whatever its case. The server hands the decoder's own headers
 * over through a {@link Source} (issue 15: copying them into a sorted map, lower-casing each name,
 * was 3 % of a request); {@link #add} builds them for tests and embedders. Signatures canonicalise
 * names to lower case and sort them (spec §10.1, §10.3): {@link #sortedNames} gives them just the
 * names they sign, and this class stays the one place that decides how repeated headers combine.
 */
public final class Headers {
  /** Lines held by the request's decoder, read where they are; names case-insensitive. */
  public interface Source {
    /** The first value of the header, or null. */
    String first(String name);

    /** Every value of the header in arrival order. */
    Iterator<String> values(String name);

    /** Every line, name as sent, in arrival order. */
    Iterator<Map.Entry<CharSequence, CharSequence>> lines();

    /** How many lines arrived. */
    int size();

    /** How many lines carry the header. */
    default int count(String name) {
      int count = 0;
      for (Iterator<String> values = values(name); values.hasNext(); values.next()) {
        count++;
      }
      return count;
    }
  }

  private final Source source;

  /** Non-null while headers are built with {@link #add}. */
  private final BuiltHeaders built;

  /** Empty headers to {@link #add} to. */
  public Headers() {
    this.built = new BuiltHeaders();
    this.source = built;
  }

  private Headers(Source source) {
    this.built = null;
    this.source = source;
  }

  /** Headers read through {@code source}, never copied; {@link #add} is refused. */
  public static Headers over(Source source) {
    return new Headers(source);
  }

  /** Adds one value; a repeated name keeps every value in arrival order. */
  public Headers add(String name, String value) {
    if (built == null) {
      throw new UnsupportedOperationException("the request's headers are read-only");
    }
    built.add(name, value);
    return this;
  }

  /** The first value of the header, or null. */
  public String get(String name) {
    return source.first(name);
  }

  /**
   * The value as a signature sees it: every value trimmed and repeated ones joined with {@code ","}
   * (spec §10.1: GO2 joins duplicates with a comma, and so does the old DOC).
   */
  public String joined(String name) {
    Iterator<String> values = source.values(name);
    if (!values.hasNext()) {
      return null;
    }
    String first = values.next().trim();
    if (!values.hasNext()) {
      return first; // the usual case: no builder
    }
    StringBuilder out = new StringBuilder(first);
    while (values.hasNext()) {
      out.append(',').append(values.next().trim());
    }
    return out.toString();
  }

  /** Every value of the header, untrimmed, in arrival order; empty when absent. */
  public List<String> all(String name) {
    List<String> all = new ArrayList<>(1);
    source.values(name).forEachRemaining(all::add);
    return all;
  }

  /** How many lines carry the header. */
  public int count(String name) {
    return source.count(name);
  }

  public boolean contains(String name) {
    return source.first(name) != null;
  }

  /**
   * The lower-cased names that start with {@code lowerCasePrefix} or equal one of {@code exact}
   * (lower case), each once, in byte order: what a StringToSign lists. Other names are not lower-
   * cased, and nothing is built when none matches.
   */
  public List<String> sortedNames(String lowerCasePrefix, Collection<String> exact) {
    if (built != null) {
      return built.sortedNames(lowerCasePrefix, exact);
    }
    List<String> names = null;
    for (Iterator<Map.Entry<CharSequence, CharSequence>> lines = source.lines();
        lines.hasNext(); ) {
      String name = lines.next().getKey().toString();
      boolean prefixed = name.regionMatches(true, 0, lowerCasePrefix, 0, lowerCasePrefix.length());
      if (prefixed || containsIgnoringCase(exact, name)) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (prefixed || exact.contains(lower)) {
          names = names == null ? new ArrayList<>(4) : names;
          names.add(lower);
        }
      }
    }
    if (names == null) {
      return List.of();
    }
    Collections.sort(names);
    for (int i = names.size() - 1; i > 0; i--) {
      if (names.get(i).equals(names.get(i - 1))) {
        names.remove(i); // one name sent in two cases, or twice: one entry, values joined
      }
    }
    return names;
  }

  private static boolean containsIgnoringCase(Collection<String> names, String name) {
    for (String candidate : names) {
      if (candidate.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /** Lower-cased names in byte order, each with all its values (built on each call when read). */
  public Map<String, List<String>> asMap() {
    if (built != null) {
      return Collections.unmodifiableMap(built.values);
    }
    BuiltHeaders copy = new BuiltHeaders();
    for (Iterator<Map.Entry<CharSequence, CharSequence>> lines = source.lines();
        lines.hasNext(); ) {
      Map.Entry<CharSequence, CharSequence> line = lines.next();
      copy.add(line.getKey().toString(), line.getValue().toString());
    }
    return Collections.unmodifiableMap(copy.values);
  }

  /** How many header lines arrived. */
  public int lineCount() {
    return source.size();
  }

  /** Headers built by {@link #add}: lower-cased names, sorted. */
  private static final class BuiltHeaders implements Source {
    private final TreeMap<String, List<String>> values = new TreeMap<>();

    void add(String name, String value) {
      values.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(value);
    }

    /** The map's own names are lower-cased and sorted already. */
    List<String> sortedNames(String lowerCasePrefix, Collection<String> exact) {
      List<String> names = null;
      for (String name : values.keySet()) {
        if (name.startsWith(lowerCasePrefix) || exact.contains(name)) {
          names = names == null ? new ArrayList<>(4) : names;
          names.add(name);
        }
      }
      return names == null ? List.of() : names;
    }

    @Override
    public String first(String name) {
      List<String> list = values.get(name.toLowerCase(Locale.ROOT));
      return list == null ? null : list.get(0);
    }

    @Override
    public Iterator<String> values(String name) {
      List<String> list = values.get(name.toLowerCase(Locale.ROOT));
      return list == null ? Collections.emptyIterator() : list.iterator();
    }

    @Override
    public Iterator<Map.Entry<CharSequence, CharSequence>> lines() {
      List<Map.Entry<CharSequence, CharSequence>> lines = new ArrayList<>();
      values.forEach((name, list) -> list.forEach(value -> lines.add(Map.entry(name, value))));
      return lines.iterator();
    }

    @Override
    public int size() {
      int count = 0;
      for (List<String> list : values.values()) {
        count += list.size();
      }
      return count;
    }
  }
}
