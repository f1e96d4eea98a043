package dev.ossemu.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * The most recent requests, oldest first, bounded so that a long-running emulator stays small.
 * Every request of every event loop records here, so recording takes no lock: a writer claims a
 * sequence number and fills the slot it maps to in a ring. A reader sees each slot whose sequence
 * number is still the one it expects; an entry being written at that instant may be missed by that
 * one read, never half-seen.
 */
public final class RequestJournal {
  /** How many requests are kept unless configured otherwise. */
  public static final int DEFAULT_CAPACITY = 1000;

  private final int capacity;
  private final AtomicReferenceArray<Slot> slots;
  private final AtomicLong next = new AtomicLong();

  /** Entries before this sequence number were cleared. */
  private volatile long start;

  private record Slot(long sequence, RecordedRequest request) {}

  public RequestJournal(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("journal capacity must not be negative");
    }
    this.capacity = capacity;
    this.slots = new AtomicReferenceArray<>(capacity);
  }

  /** Appends an entry, overwriting the oldest when full. */
  public void record(RecordedRequest request) {
    if (capacity == 0) {
      return;
    }
    long sequence = next.getAndIncrement();
    slots.set((int) (sequence % capacity), new Slot(sequence, request));
  }

  /** The entries that pass {@code filter}, oldest first. */
  public List<JournalEntry> list(Predicate<JournalEntry> filter) {
    List<JournalEntry> out = new ArrayList<>();
    long end = next.get();
    for (long sequence = Math.max(start, end - capacity); sequence < end; sequence++) {
      Slot slot = slots.get((int) (sequence % capacity));
      if (slot != null && slot.sequence() == sequence) {
        JournalEntry entry = slot.request().toEntry();
        if (filter.test(entry)) {
          out.add(entry);
        }
      }
    }
    return out;
  }

  public void clear() {
    start = next.get();
  }
}
