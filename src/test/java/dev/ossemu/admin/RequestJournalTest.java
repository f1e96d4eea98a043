package dev.ossemu.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RequestJournalTest {
  private static RecordedRequest request(long millis, String uri) {
    return new RecordedRequest(
        millis, "GET", uri, "b", null, "GetBucketEncryption", "V1", "ak", 200, null, 5, null, null);
  }

  @Test
  void keepsTheNewestEntriesOldestFirstWithIsoTimes() {
    RequestJournal journal = new RequestJournal(3);
    for (int i = 1; i <= 5; i++) {
      journal.record(request(1_700_000_000_000L + i, "/b?n=" + i));
    }
    List<JournalEntry> entries = journal.list(e -> true);
    assertThat(entries).extracting(JournalEntry::uri).containsExactly("/b?n=3", "/b?n=4", "/b?n=5");
    assertThat(entries.get(0).time()).isEqualTo("2023-11-14T22:13:20.003Z");
  }

  @Test
  void aSignedTargetIsRedactedWhenTheJournalIsRead() {
    RequestJournal journal = new RequestJournal(3);
    journal.record(request(1, "/b/k?OSSAccessKeyId=ak&Expires=9&Signature=secret%2B&n=1"));
    assertThat(journal.list(e -> true))
        .extracting(JournalEntry::uri)
        .containsExactly("/b/k?OSSAccessKeyId=ak&Expires=9&Signature=REDACTED&n=1");
  }

  @Test
  void clearForgetsEverythingRecordedBefore() {
    RequestJournal journal = new RequestJournal(3);
    journal.record(request(1, "/old"));
    journal.clear();
    journal.record(request(2, "/new"));
    assertThat(journal.list(e -> true)).extracting(JournalEntry::uri).containsExactly("/new");
  }

  @Test
  void aZeroCapacityJournalKeepsNothing() {
    RequestJournal journal = new RequestJournal(0);
    journal.record(request(1, "/x"));
    assertThat(journal.list(e -> true)).isEmpty();
  }

  @Test
  void concurrentWritersLoseNothingBeyondTheBound() throws Exception {
    RequestJournal journal = new RequestJournal(10_000);
    int threads = 4;
    int each = 2_000;
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String name = "/t" + t;
      Thread writer =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < each; i++) {
                  journal.record(request(i, name + "/" + i));
                }
              });
      writer.start();
      writers.add(writer);
    }
    go.countDown();
    for (Thread writer : writers) {
      writer.join();
    }
    List<JournalEntry> entries = journal.list(e -> true);
    assertThat(entries).hasSize(threads * each);
    // Each writer's own entries stay in its order.
    for (int t = 0; t < threads; t++) {
      String prefix = "/t" + t + "/";
      assertThat(
              entries.stream()
                  .filter(e -> e.uri().startsWith(prefix))
                  .map(e -> Integer.parseInt(e.uri().substring(prefix.length()))))
          .isSorted()
          .hasSize(each);
    }
  }
}
