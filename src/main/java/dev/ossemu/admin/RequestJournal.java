package dev.ossemu.admin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The most recent requests, oldest first, bounded so that a long-running emulator stays small. */
public final class RequestJournal {
  /** How many requests are kept unless configured otherwise. */
  public static final int DEFAULT_CAPACITY = 1000;

  private final int capacity;
  private final ArrayDeque<JournalEntry> entries;

  public RequestJournal(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("journal capacity must not be negative");
    }
    this.capacity = capacity;
    this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  /** Appends an entry, dropping the oldest when full. */
  public synchronized void record(JournalEntry entry) {
    if (capacity == 0) {
      return;
    }
    if (entries.size() == capacity) {
      entries.removeFirst();
    }
    entries.addLast(entry);
  }

  /** The entries that pass {@code filter}, oldest first. */
  public synchronized List<JournalEntry> list(Predicate<JournalEntry> filter) {
    List<JournalEntry> out = new ArrayList<>();
    for (JournalEntry entry : entries) {
      if (filter.test(entry)) {
        out.add(entry);
      }
    }
    return out;
  }

  public synchronized void clear() {
    entries.clear();
  }
}
