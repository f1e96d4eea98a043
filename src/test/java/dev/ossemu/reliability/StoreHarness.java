package dev.ossemu.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.Wiring;
import dev.ossemu.admin.Faults;
import dev.ossemu.admin.RequestJournal;
import dev.ossemu.auth.Account;
import dev.ossemu.auth.Accounts;
import dev.ossemu.auth.StsCredentials;
import dev.ossemu.blob.Blob;
import dev.ossemu.blob.BlobBuilder;
import dev.ossemu.blob.OpenBlob;
import dev.ossemu.blob.StorageLease;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.bucket.InMemoryBucketStore;
import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.object.MultipartUpload;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.object.OssObject;
import dev.ossemu.persist.DataDirectory;
import dev.ossemu.persist.PersistentBucketStore;
import dev.ossemu.persist.PersistentObjectStore;
import dev.ossemu.request.OssRequest;
import dev.ossemu.request.OssResponse;
import dev.ossemu.service.OssService;
import dev.ossemu.testing.SignedRequests;
import dev.ossemu.testing.TestService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plain-Java chain over either store, driven by signed requests from many threads. An upload
 * body is assembled into quota-accounted chunks and its reference given back after the answer,
 * exactly as the HTTP handler does.
 */
final class StoreHarness implements AutoCloseable {
  /** Which store a test runs against. */
  enum Kind {
    MEMORY,
    DISK
  }

  /** An answer: status, OSS error code (or null), the body as text and the headers. */
  record Answer(int status, String code, String body, Map<String, String> headers) {
    boolean ok() {
      return status < 300;
    }
  }

  final StorageQuota quota;
  final BucketStore buckets;
  final ObjectStore objects;
  private final DataDirectory data;
  private final OssService service;

  StoreHarness(Kind kind, Path dir, long quotaBytes) throws Exception {
    quota = new StorageQuota(quotaBytes);
    if (kind == Kind.MEMORY) {
      data = null;
      buckets = new InMemoryBucketStore();
      objects = new InMemoryObjectStore(quota);
    } else {
      data = DataDirectory.open(dir);
      buckets = new PersistentBucketStore(data);
      objects = new PersistentObjectStore(data, quota);
    }
    service =
        Wiring.service(
            new Accounts(List.of(TestService.OWNER, TestService.OTHER)),
            new StsCredentials(),
            TestService.REGION,
            SignedRequests.CLOCK,
            buckets,
            objects,
            Set.of(),
            new RequestJournal(0),
            new Faults(),
            null);
  }

  Answer send(String method, String uri) {
    return send(TestService.OWNER, method, uri, Map.of(), null);
  }

  Answer send(String method, String uri, String body) {
    return send(TestService.OWNER, method, uri, Map.of(), body);
  }

  /** Sends a request signed by {@code account}; a PUT or append body is an upload. */
  Answer send(
      Account account, String method, String uri, Map<String, String> headers, String body) {
    SignedRequests request = SignedRequests.request(method, uri);
    headers.forEach(request::header);
    boolean upload = isUpload(method, uri);
    if (body != null && !upload) {
      request.body(body);
    }
    OssRequest signed = request.signedBy(account);
    Blob blob = null;
    if (upload) {
      byte[] bytes = (body == null ? "" : body).getBytes(StandardCharsets.UTF_8);
      BlobBuilder builder = new BlobBuilder(quota, bytes.length); // as with a Content-Length
      try {
        builder.append(bytes);
      } catch (RuntimeException e) {
        builder.discard(); // refused on arrival, as the body assembler does
        return new Answer(507, "InsufficientStorage", "", Map.of());
      }
      blob = builder.build();
      signed =
          new OssRequest(
              signed.requestId(),
              signed.method(),
              signed.rawPath(),
              signed.rawQuery(),
              signed.query(),
              signed.headers(),
              new byte[0],
              blob);
    }
    try {
      OssResponse response = service.handle(signed);
      // Read the body the way OssHttpHandler sends it: from the files opened with the answer, which
      // outlive a concurrent overwrite's deletion (response.body() would open them again), and
      // closed once sent: the answer holds the body's storage until then.
      String text;
      try (OpenBlob sent = response.openBody()) {
        text = new String(sent.readAll(), StandardCharsets.UTF_8);
      }
      return new Answer(response.status(), code(text), text, Map.copyOf(response.headers()));
    } finally {
      if (blob != null) {
        blob.release(); // the request's reference, as OssHttpHandler gives it back
      }
    }
  }

  private static boolean isUpload(String method, String uri) {
    String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
    boolean object = path.indexOf('/', 1) > 0 && !path.endsWith("/");
    return object && (method.equals("PUT") || (method.equals("POST") && uri.contains("append")));
  }

  private static String code(String body) {
    int start = body.indexOf("<Code>");
    return start < 0 ? null : body.substring(start + 6, body.indexOf("</Code>", start));
  }

  static String between(String text, String open, String close) {
    int start = text.indexOf(open);
    int from = start + open.length();
    return start < 0 ? null : text.substring(from, text.indexOf(close, from));
  }

  @Override
  public void close() {
    if (data != null) {
      data.close();
    }
  }

  /** The bytes the stored objects and parts hold: each received body once, however shared. */
  long heldBytes(String... buckets) {
    Set<StorageLease> leaves = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<StorageLease> pending = new ArrayDeque<>();
    for (String bucket : buckets) {
      for (OssObject object : objects.objectsFrom(bucket, "").values()) {
        pending.add(object.blob().lease());
      }
      for (MultipartUpload upload : objects.uploads(bucket)) {
        upload.parts().forEach(part -> pending.add(part.blob().lease()));
      }
    }
    while (!pending.isEmpty()) {
      StorageLease lease = pending.pop();
      assertThat(lease.references()).as("a stored body's lease is live").isPositive();
      if (lease.parts().isEmpty()) {
        leaves.add(lease);
      } else {
        pending.addAll(lease.parts());
      }
    }
    return leaves.stream().mapToLong(StorageLease::bytes).sum();
  }
}
