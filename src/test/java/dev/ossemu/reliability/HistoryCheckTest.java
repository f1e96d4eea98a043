package dev.ossemu.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.reliability.StoreHarness.Answer;
import dev.ossemu.reliability.StoreHarness.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A history check: clients run mixed object and encryption writes and reads on a shared bucket and
 * on a private one each, for a bounded time. Afterwards every key's state (and every bucket's rule)
 * is the last acknowledged write of one of the clients that wrote it, which is what some order
 * consistent with each client's own order ends with; a private bucket's state is exactly its
 * client's last write; and every read during the run returned a value some write produced.
 */
class HistoryCheckTest {
  private static final int CLIENTS = 4;
  private static final int KEYS = 4;

  /** Each client runs this long, and on a slow machine on until it did {@code MIN_OPERATIONS}. */
  private static final long MILLIS = 1_500;

  private static final int MIN_OPERATIONS = 150;

  /** The bound on the run however slow the machine. */
  private static final long MAX_MILLIS = 30_000;

  private static final String ABSENT = "<absent>";

  @TempDir Path dir;

  /** One acknowledged operation: on which item (bucket/key or bucket?encryption), what value. */
  record Event(String item, boolean write, String value) {}

  @ParameterizedTest
  @EnumSource(Kind.class)
  void finalStateIsTheLastWriteOfSomeClientAndReadsSawOnlyWrittenValues(Kind kind)
      throws Exception {
    try (StoreHarness oss = new StoreHarness(kind, dir, 1 << 26)) {
      oss.send("PUT", "/shared-bucket");
      for (int c = 0; c < CLIENTS; c++) {
        oss.send("PUT", "/private-" + c);
      }
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      long start = System.nanoTime();
      List<Future<List<Event>>> runs = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        runs.add(pool.submit(() -> run(oss, client, start)));
      }
      List<List<Event>> histories = new ArrayList<>();
      for (Future<List<Event>> run : runs) {
        histories.add(run.get(60, TimeUnit.SECONDS));
      }
      pool.shutdown();
      verify(oss, histories);
    }
  }

  private static boolean running(long start, int done) {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    return millis < MAX_MILLIS && (millis < MILLIS || done < MIN_OPERATIONS);
  }

  private static List<Event> run(StoreHarness oss, int client, long start) {
    Random random = new Random(client);
    List<Event> history = new ArrayList<>();
    for (int seq = 0; running(start, seq); seq++) {
      String bucket = random.nextBoolean() ? "shared-bucket" : "private-" + client;
      String item = "/" + bucket + "/k" + random.nextInt(KEYS);
      String value = "c" + client + "-" + seq;
      switch (random.nextInt(6)) {
        case 0, 1 -> {
          if (oss.send("PUT", item, value).ok()) {
            history.add(new Event(item, true, value));
          }
        }
        case 2 -> {
          if (oss.send("DELETE", item).ok()) {
            history.add(new Event(item, true, ABSENT));
          }
        }
        case 3 -> {
          Answer read = oss.send("GET", item);
          history.add(new Event(item, false, read.ok() ? read.body() : ABSENT));
        }
        case 4 -> {
          String rule = "/" + bucket + "/?encryption";
          if (oss.send("PUT", rule, ruleXml(value)).ok()) {
            history.add(new Event(rule, true, value));
          }
        }
        default -> {
          String rule = "/" + bucket + "/?encryption";
          history.add(new Event(rule, false, keyId(oss.send("GET", rule))));
        }
      }
    }
    return history;
  }

  private static String ruleXml(String keyId) {
    return "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>"
        + "<SSEAlgorithm>KMS</SSEAlgorithm><KMSMasterKeyID>"
        + keyId
        + "</KMSMasterKeyID></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>";
  }

  private static String keyId(Answer answer) {
    return answer.ok() ? StoreHarness.between(answer.body(), "<KMSMasterKeyID>", "<") : ABSENT;
  }

  private static void verify(StoreHarness oss, List<List<Event>> histories) {
    Map<String, Set<String>> written = new HashMap<>();
    Map<String, Set<String>> lastOfSomeClient = new HashMap<>();
    int operations = 0;
    for (List<Event> history : histories) {
      Map<String, String> last = new HashMap<>();
      for (Event event : history) {
        operations++;
        if (event.write()) {
          written.computeIfAbsent(event.item(), i -> new HashSet<>()).add(event.value());
          last.put(event.item(), event.value());
        }
      }
      last.forEach(
          (item, v) -> lastOfSomeClient.computeIfAbsent(item, i -> new HashSet<>()).add(v));
    }
    assertThat(operations).as("the run did something").isGreaterThanOrEqualTo(CLIENTS * 100);
    for (List<Event> history : histories) {
      for (Event event : history) {
        if (!event.write()) {
          assertThat(
                  written.getOrDefault(event.item(), Set.of()).contains(event.value())
                      || event.value().equals(ABSENT))
              .as("read of %s returned %s, which no write produced", event.item(), event.value())
              .isTrue();
        }
      }
    }
    for (Map.Entry<String, Set<String>> item : lastOfSomeClient.entrySet()) {
      Answer now = oss.send("GET", item.getKey());
      String state =
          item.getKey().endsWith("?encryption") ? keyId(now) : now.ok() ? now.body() : ABSENT;
      assertThat(item.getValue()).as("final state of %s", item.getKey()).contains(state);
      if (item.getKey().startsWith("/private-")) {
        assertThat(item.getValue()).hasSize(1); // one writer: its last write, exactly
      }
    }
  }
}
