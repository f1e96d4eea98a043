package dev.ossemu.fuzz;

import dev.ossemu.Wiring;
import dev.ossemu.admin.Faults;
import dev.ossemu.admin.RequestJournal;
import dev.ossemu.auth.Accounts;
import dev.ossemu.auth.StsCredentials;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.Bucket;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.bucket.InMemoryBucketStore;
import dev.ossemu.http.PipelineHarness;
import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.object.MultipartUpload;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.object.OssObject;
import dev.ossemu.service.OssService;
import dev.ossemu.testing.RawRequest;
import dev.ossemu.testing.TestService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * One in-memory emulator for all fuzz cases (building a service per case would dominate the run),
 * the valid signed requests the cases start from, and a snapshot of everything stored.
 */
final class FuzzFixture {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
  private static final String BUCKET = "fuzzbucket";
  private static final String RULE =
      "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256"
          + "</SSEAlgorithm></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>";
  private static final String DELETE =
      "<Delete><Quiet>false</Quiet><Object><Key>k1</Key></Object><Object><Key>k2</Key></Object>"
          + "</Delete>";
  private static final String CREATE =
      "<CreateBucketConfiguration><StorageClass>IA</StorageClass></CreateBucketConfiguration>";

  /** Past this many stored objects the state is set back, so snapshots stay cheap. */
  private static final int MAX_OBJECTS = 50;

  final StorageQuota quota = new StorageQuota(StorageQuota.DEFAULT_BYTES);
  final BucketStore buckets = new InMemoryBucketStore();
  final ObjectStore objects = new InMemoryObjectStore(quota);
  final OssService service =
      Wiring.service(
          new Accounts(List.of(TestService.OWNER, TestService.OTHER)),
          new StsCredentials(),
          TestService.REGION,
          CLOCK,
          buckets,
          objects,
          Set.of(),
          new RequestJournal(0),
          new Faults(),
          null);
  private final List<byte[]> bases = baseRequests();

  FuzzFixture() {
    reset();
  }

  List<byte[]> bases() {
    return bases;
  }

  private static List<byte[]> baseRequests() {
    return List.of(
        RawRequest.of("PUT", "/fuzzbucket/k1").body("hello").signV1(CLOCK).bytes(),
        RawRequest.of("PUT", "/fuzzbucket/?encryption").body(RULE).signV1(CLOCK).bytes(),
        RawRequest.of("GET", "/fuzzbucket/k1").signV1(CLOCK).bytes(),
        RawRequest.of("HEAD", "/fuzzbucket/k1").signV1(CLOCK).bytes(),
        RawRequest.of("DELETE", "/fuzzbucket/?encryption").signV1(CLOCK).bytes(),
        RawRequest.of("POST", "/fuzzbucket/?delete")
            .header("Content-MD5", md5(DELETE))
            .body(DELETE)
            .signV1(CLOCK)
            .bytes(),
        RawRequest.of("PUT", "/newbucket/").body(CREATE).signV1(CLOCK).bytes(),
        RawRequest.of("GET", "/fuzzbucket/?list-type=2&prefix=k").signV1(CLOCK).bytes(),
        RawRequest.of("POST", "/fuzzbucket/multi?uploads").signV1(CLOCK).bytes(),
        RawRequest.of("DELETE", "/fuzzbucket/k2").signV1(CLOCK).bytes(),
        RawRequest.of("PUT", "/fuzzbucket/k3")
            .header("x-oss-meta-a", "b")
            .header("Content-Type", "text/plain")
            .body("some longer body to be chunked and cut")
            .signV1(CLOCK)
            .bytes(),
        RawRequest.of("GET", "/").signV1(CLOCK).bytes());
  }

  private static String md5(String body) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean needsReset() {
    return objects.objectsFrom(BUCKET, "").size() > MAX_OBJECTS || buckets.list().size() > 5;
  }

  /** Back to one bucket with two objects. */
  void reset() {
    objects.clear();
    buckets.clear();
    buckets.createIfAbsent(PipelineHarness.bucket(BUCKET, CLOCK));
    for (String key : List.of("k1", "k2")) {
      service.handle(
          dev.ossemu.testing.SignedRequests.request("PUT", "/" + BUCKET + "/" + key)
              .body("stored " + key)
              .signedBy(TestService.OWNER));
    }
  }

  /** Everything stored, as text: buckets, their objects and uploads, and the space used. */
  String snapshot() {
    StringBuilder out = new StringBuilder();
    for (Bucket bucket : buckets.list()) {
      out.append(bucket).append('\n');
      for (OssObject object : objects.objectsFrom(bucket.name(), "").values()) {
        out.append("  ")
            .append(object.key())
            .append(' ')
            .append(object.etag())
            .append(' ')
            .append(object.blob().length())
            .append(' ')
            .append(object.userMetadata())
            .append(' ')
            .append(object.headers())
            .append('\n');
      }
      for (MultipartUpload upload : objects.uploads(bucket.name())) {
        out.append("  upload ").append(upload.uploadId()).append('\n');
      }
    }
    return out.append("used ").append(quota.used()).toString();
  }
}
