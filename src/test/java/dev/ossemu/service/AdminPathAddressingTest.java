package dev.ossemu.service;

import static dev.ossemu.testing.SignedRequests.ACCOUNTS;
import static dev.ossemu.testing.SignedRequests.CLOCK;
import static dev.ossemu.testing.SignedRequests.OWNER;
import static dev.ossemu.testing.SignedRequests.REGION;
import static dev.ossemu.testing.SignedRequests.bucket;
import static dev.ossemu.testing.SignedRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.Wiring;
import dev.ossemu.admin.AdminApi;
import dev.ossemu.admin.AdminSettings;
import dev.ossemu.admin.Faults;
import dev.ossemu.admin.RequestJournal;
import dev.ossemu.auth.StsCredentials;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.bucket.InMemoryBucketStore;
import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.request.OssRequest;
import dev.ossemu.request.OssResponse;
import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /_emulator/} is the admin API only in path style to the service host. On a bucket's
 * virtual host it is an ordinary object key, as on OSS (issue 12: {@code PUT /_emulator/notes.txt}
 * with {@code Host: qbucket.localhost} used to reach the admin API instead of PutObject).
 */
class AdminPathAddressingTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final BucketStore store = new InMemoryBucketStore();
  private final ObjectStore objects =
      new InMemoryObjectStore(new StorageQuota(StorageQuota.DEFAULT_BYTES));
  private final RequestJournal journal = new RequestJournal(10);
  private final AtomicInteger resets = new AtomicInteger();
  private final OssService service =
      Wiring.service(
          ACCOUNTS,
          new StsCredentials(),
          REGION,
          CLOCK,
          store,
          objects,
          Set.of(),
          journal,
          new Faults(),
          new AdminApi(
              new AdminSettings(true, null, "test", REGION, "127.0.0.1"),
              journal,
              new Faults(),
              resets::incrementAndGet,
              ACCOUNTS,
              new StsCredentials(),
              CLOCK));

  /** Resolved as the HTTP layer does, from a loopback peer. */
  private OssResponse send(OssRequest request) {
    return service
        .exchange(
            request, service.resolve(request.method(), request.host(), request.uri()), LOOPBACK)
        .response();
  }

  @BeforeEach
  void createBucket() {
    store.createIfAbsent(bucket("qbucket", OWNER, null));
  }

  @Test
  void storesAVirtualHostedAdminLookingKeyAsAnObject() {
    OssResponse put =
        send(
            request("PUT", "/_emulator/notes.txt")
                .virtualHost("qbucket", "localhost:9000")
                .body("notes")
                .signedBy(OWNER));
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.headers()).containsKey("ETag");
    assertThat(objects.get("qbucket", "_emulator/notes.txt")).isPresent();
    assertThat(journal.list(e -> true))
        .singleElement()
        .satisfies(e -> assertThat(e.operation()).isEqualTo("PutObject"))
        .satisfies(e -> assertThat(e.key()).isEqualTo("_emulator/notes.txt"));
  }

  @Test
  void neverResetsThroughAVirtualHost() {
    for (String serviceHost : new String[] {"localhost:9000", "oss-cn-hangzhou.aliyuncs.com"}) {
      OssResponse response =
          send(request("POST", "/_emulator/reset").virtualHost("qbucket", serviceHost).unsigned());
      // An OSS answer (anonymous PostObject-like call on a private bucket), not the admin JSON.
      assertThat(response.headers().get("Content-Type")).isEqualTo("application/xml");
      assertThat(response.status()).isGreaterThanOrEqualTo(400);
    }
    assertThat(resets).hasValue(0);
    assertThat(store.find("qbucket")).isPresent();
  }

  @Test
  void resetsInPathStyleToTheServiceHost() {
    for (String host : new String[] {"127.0.0.1:9000", "localhost:9000"}) {
      OssResponse response =
          send(request("POST", "/_emulator/reset").header("Host", host).unsigned());
      assertThat(response.status()).as(host).isEqualTo(200);
    }
    assertThat(resets).hasValue(2);
  }
}
