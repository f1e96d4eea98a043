package dev.ossemu.admin;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** The faults in force. The first matching fault, in the order they were added, applies. */
public final class Faults {
  private final Map<String, Remaining> faults = new LinkedHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  private static final class Remaining {
    final Fault fault;
    Integer left;

    Remaining(Fault fault) {
      this.fault = fault;
      this.left = fault.times();
    }
  }

  /**
   * Adds a fault.
   *
   * @return its id
   * @throws IllegalArgumentException when it is not a valid fault
   */
  public synchronized String add(Fault fault) {
    fault.validate();
    String id = "fault-" + ids.incrementAndGet();
    faults.put(id, new Remaining(fault.withId(id)));
    return id;
  }

  /**
   * The fault that applies to a request, using up one of its times; null when none does.
   *
   * @param operation the OSS API name of the request
   * @param bucket the bucket it addresses, or null
   */
  public synchronized Fault apply(String operation, String bucket) {
    Iterator<Remaining> iterator = faults.values().iterator();
    while (iterator.hasNext()) {
      Remaining remaining = iterator.next();
      Fault fault = remaining.fault;
      if (!matches(fault.operation(), operation) || !matches(fault.bucket(), bucket)) {
        continue;
      }
      if (fault.probability() != null
          && ThreadLocalRandom.current().nextDouble() >= fault.probability()) {
        continue;
      }
      if (remaining.left != null && --remaining.left == 0) {
        iterator.remove();
      }
      return fault;
    }
    return null;
  }

  private static boolean matches(String wanted, String actual) {
    return wanted == null || wanted.equals(actual);
  }

  /** The faults in force, with the times each has left. */
  public synchronized List<Fault> list() {
    List<Fault> out = new ArrayList<>();
    for (Remaining remaining : faults.values()) {
      Fault f = remaining.fault;
      out.add(
          new Fault(
              f.id(),
              f.operation(),
              f.bucket(),
              remaining.left,
              f.probability(),
              f.error(),
              f.delayMillis(),
              f.resetConnection()));
    }
    return out;
  }

  /** Removes one fault; false when there was none with that id. */
  public synchronized boolean remove(String id) {
    return faults.remove(id) != null;
  }

  public synchronized void clear() {
    faults.clear();
  }
}
