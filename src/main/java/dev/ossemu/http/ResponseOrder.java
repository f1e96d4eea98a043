package dev.ossemu.http;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps one connection's answers in the order its requests came (HTTP/1.1 pipelining, RFC 9112
 * §9.3), however they were answered: on the event loop, on a storage thread, after an injected
 * delay, or refused early by the body assembler while an earlier request was still being served.
 * Each request takes a ticket on arrival; an answer ready before its predecessors waits here.
 * Confined to the channel's event loop, so it needs no locks.
 */
public final class ResponseOrder {
  /** An answer waiting for its turn. */
  interface Answer {
    /** Writes it to the channel. */
    void write();

    /** Frees what it holds (open data files) when it will never be written. */
    void discard();
  }

  private final TreeMap<Long, Answer> ready = new TreeMap<>();
  private final Map<Long, Runnable> interim = new HashMap<>();
  private long issued;
  private long next;
  private boolean closed;

  /** The ticket of a request that just arrived. */
  long ticket() {
    return issued++;
  }

  /** The number of requests taken in and not yet answered. */
  long outstanding() {
    return issued - next;
  }

  /**
   * Sends an interim answer (100 Continue) for {@code ticket} as soon as every earlier request is
   * answered: sooner would read to the client as the answer to one of those.
   */
  void interim(long ticket, Runnable write) {
    if (closed) {
      return;
    }
    if (ticket == next) {
      write.run();
    } else {
      interim.put(ticket, write);
    }
  }

  /** The final answer for {@code ticket}: written now if its turn has come, else later. */
  void complete(long ticket, Answer answer) {
    if (closed) {
      answer.discard();
      return;
    }
    ready.put(ticket, answer);
    while (!ready.isEmpty() && ready.firstKey() == next) {
      interim.remove(next); // its final answer is here: a 100 Continue would be moot
      ready.pollFirstEntry().getValue().write();
      next++;
    }
    Runnable waiting = interim.remove(next);
    if (waiting != null) {
      waiting.run();
    }
  }

  /** The connection is gone: nothing more is written, held answers are freed. */
  void close() {
    closed = true;
    ready.values().forEach(Answer::discard);
    ready.clear();
    interim.clear();
  }
}
