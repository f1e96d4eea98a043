package dev.ossemu.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.object.MultipartUpload;
import dev.ossemu.reliability.StoreHarness.Answer;
import dev.ossemu.reliability.StoreHarness.Kind;
import dev.ossemu.testing.TestService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The storage accounting invariant, checked after every step of random operation sequences (jqwik
 * shrinks a failing one to its shortest form): {@code quota.used()} equals the bytes held by stored
 * objects, parts and uploads, each shared body counted once; after a reset it is 0.
 */
class StorageInvariantTest {
  private static final String[] BUCKETS = {"inv-a", "inv-b"};
  private static final int QUOTA = 4096; // small, so that InsufficientStorage is a path too

  /** One step: what to do, two small selectors and a body size. */
  record Step(int action, int first, int second, int size) {}

  @Provide
  Arbitrary<Step> steps() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 12),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 700))
        .as(Step::new);
  }

  @Property(tries = 60)
  void quotaEqualsTheBytesStoredAfterEveryStep(
      @ForAll @Size(min = 1, max = 60) List<@net.jqwik.api.From("steps") Step> steps)
      throws Exception {
    try (StoreHarness oss = new StoreHarness(Kind.MEMORY, null, QUOTA)) {
      List<String[]> uploads = new ArrayList<>(); // {bucket, key, uploadId}
      for (String bucket : BUCKETS) {
        oss.send("PUT", "/" + bucket);
      }
      for (Step step : steps) {
        apply(oss, step, uploads);
        assertThat(oss.quota.used()).as("after %s", step).isEqualTo(oss.heldBytes(BUCKETS));
      }
      oss.objects.clear();
      assertThat(oss.quota.used()).isZero();
    }
  }

  private static void apply(StoreHarness oss, Step step, List<String[]> uploads) {
    String bucket = BUCKETS[step.first() % 2];
    String key = "k" + step.second();
    String object = "/" + bucket + "/" + key;
    String body = "x".repeat(step.size());
    switch (step.action()) {
      case 0, 1 -> oss.send("PUT", object, body);
      case 2 -> copy(oss, object, "/" + bucket + "/k" + step.first(), step.size() % 2 == 0);
      case 3 -> append(oss, object, body);
      case 4 -> oss.send("DELETE", object);
      case 5 -> initiate(oss, bucket, key, uploads);
      case 6, 7 -> withUpload(uploads, step, u -> uploadPart(oss, u, step, body));
      case 8 -> withUpload(uploads, step, u -> complete(oss, u));
      case 9 -> withUpload(uploads, step, u -> oss.send("DELETE", path(u) + "?uploadId=" + u[2]));
      case 10 -> oss.send("DELETE", "/" + bucket);
      case 11 -> oss.send("PUT", "/" + bucket);
      default -> {
        oss.objects.clear();
        assertThat(oss.quota.used()).isZero();
      }
    }
  }

  private static String path(String[] upload) {
    return "/" + upload[0] + "/" + upload[1];
  }

  private static void copy(StoreHarness oss, String target, String source, boolean replace) {
    oss.send(
        TestService.OWNER,
        "PUT",
        target,
        replace
            ? Map.of("x-oss-copy-source", source, "x-oss-metadata-directive", "REPLACE")
            : Map.of("x-oss-copy-source", source),
        "ignored body sent with a copy");
  }

  private static void append(StoreHarness oss, String object, String body) {
    Answer first = oss.send("POST", object + "?append&position=0", body);
    String next = first.headers().get("x-oss-next-append-position");
    if (!first.ok() && next != null) {
      oss.send("POST", object + "?append&position=" + next, body);
    }
  }

  private static void initiate(StoreHarness oss, String bucket, String key, List<String[]> all) {
    Answer answer = oss.send("POST", "/" + bucket + "/" + key + "?uploads");
    if (answer.ok()) {
      all.add(
          new String[] {
            bucket, key, StoreHarness.between(answer.body(), "<UploadId>", "</UploadId>")
          });
    }
  }

  private static void withUpload(
      List<String[]> uploads, Step step, java.util.function.Consumer<String[]> action) {
    if (!uploads.isEmpty()) {
      action.accept(uploads.get((step.first() * 4 + step.second()) % uploads.size()));
    }
  }

  private static void uploadPart(StoreHarness oss, String[] upload, Step step, String body) {
    String uri = path(upload) + "?partNumber=" + (step.second() + 1) + "&uploadId=" + upload[2];
    if (step.size() % 3 == 0) {
      String source = "/" + upload[0] + "/k" + step.first();
      oss.send(TestService.OWNER, "PUT", uri, Map.of("x-oss-copy-source", source), body);
    } else {
      oss.send("PUT", uri, body);
    }
  }

  private static void complete(StoreHarness oss, String[] upload) {
    MultipartUpload found = oss.objects.upload(upload[0], upload[2]).orElse(null);
    StringBuilder xml = new StringBuilder("<CompleteMultipartUpload>");
    List<MultipartUpload.Part> parts = found == null ? List.of() : found.parts();
    for (MultipartUpload.Part part :
        parts.subList(0, Math.min(parts.size(), 1 + parts.size() / 2))) {
      xml.append("<Part><PartNumber>").append(part.partNumber()).append("</PartNumber><ETag>");
      xml.append(part.etag()).append("</ETag></Part>");
    }
    oss.send("POST", path(upload) + "?uploadId=" + upload[2], xml + "</CompleteMultipartUpload>");
  }
}
