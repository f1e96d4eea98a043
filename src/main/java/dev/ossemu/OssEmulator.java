package dev.ossemu;

import dev.ossemu.admin.AdminApi;
import dev.ossemu.admin.AdminSettings;
import dev.ossemu.admin.Fault;
import dev.ossemu.admin.Faults;
import dev.ossemu.admin.JournalEntry;
import dev.ossemu.admin.RequestJournal;
import dev.ossemu.auth.Accounts;
import dev.ossemu.auth.StsCredentials;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.Bucket;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.bucket.InMemoryBucketStore;
import dev.ossemu.object.InMemoryObjectStore;
import dev.ossemu.object.ObjectStore;
import dev.ossemu.persist.DataDirectory;
import dev.ossemu.persist.DataDirectoryException;
import dev.ossemu.persist.PersistentBucketStore;
import dev.ossemu.persist.PersistentObjectStore;
import dev.ossemu.server.NettyServer;
import dev.ossemu.server.OssChannelInitializer;
import dev.ossemu.service.OssService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A local OSS endpoint: {@code OssEmulator.builder().build().start()}, point an OSS SDK at {@link
 * #endpoint()}, {@link #close()} when done. Two emulators in one JVM share nothing.
 */
public final class OssEmulator implements AutoCloseable {
  /**
   * {@code -Ddev.ossemu.prepare=false}: do not build the XML mapper once the port is bound. The
   * first request that needs it (a listing, a PutBucket body) then pays for it, and an idle
   * emulator keeps its classes (a few MiB of metaspace) unloaded.
   */
  public static final String PREPARE_PROPERTY = "dev.ossemu.prepare";

  private final EmulatorConfig config;
  private final BucketStore store;
  private final StorageQuota quota;
  private final ObjectStore objects;
  private final DataDirectory dataDirectory;
  private final RequestJournal journal;
  private final Faults faults = new Faults();
  private final Accounts accounts;
  private final StsCredentials sts = new StsCredentials();
  private final String adminToken;
  private NettyServer server;
  private boolean closed;

  OssEmulator(EmulatorConfig config) {
    this.config = config;
    this.journal = new RequestJournal(config.journalSize());
    this.quota = new StorageQuota(config.maxStorageBytes());
    if (config.dataDir() == null) {
      this.dataDirectory = null;
      this.store = new InMemoryBucketStore();
      this.objects = new InMemoryObjectStore(quota);
    } else {
      try {
        this.dataDirectory = DataDirectory.open(config.dataDir());
        this.store = new PersistentBucketStore(dataDirectory);
        this.objects = new PersistentObjectStore(dataDirectory, quota);
      } catch (DataDirectoryException e) {
        throw new IllegalStateException("cannot use the data directory: " + e.getMessage(), e);
      }
    }
    this.accounts = new Accounts(config.accounts());
    config.stsCredentials().forEach(sts::add);
    this.adminToken = effectiveAdminToken(config);
    createInitialBuckets();
  }

  /**
   * The configured token; bound beyond loopback without one (a container on 0.0.0.0), a random one,
   * since anything on the network could otherwise reset, mint credentials or inject faults.
   */
  private static String effectiveAdminToken(EmulatorConfig config) {
    if (!config.admin() || config.adminToken() != null || AdminSettings.isLoopback(config.host())) {
      return config.adminToken();
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  public static OssEmulatorBuilder builder() {
    return new OssEmulatorBuilder();
  }

  /** The project version, as built. */
  public static String version() {
    return Version.get();
  }

  /**
   * Binds the port and returns once connections are accepted.
   *
   * @return this emulator
   * @throws IllegalStateException when already started, or closed: a closed emulator has let go of
   *     what it stored, so build a new one
   * @throws UncheckedIOException when the address cannot be bound (e.g. in use)
   */
  public synchronized OssEmulator start() {
    if (server != null) {
      throw new IllegalStateException("the emulator is already started");
    }
    if (closed) {
      throw new IllegalStateException("the emulator is closed: build a new one");
    }
    AdminApi admin =
        new AdminApi(
            new AdminSettings(
                config.admin(), adminToken, version(), config.region(), config.host()),
            journal,
            faults,
            this::reset,
            accounts,
            sts,
            config.clock());
    OssService service =
        Wiring.service(
            accounts,
            sts,
            config.region(),
            config.clock(),
            store,
            objects,
            Set.of(config.host().toLowerCase(Locale.ROOT)),
            journal,
            faults,
            admin);
    try {
      server =
          NettyServer.bind(
              config.host(),
              config.port(),
              new OssChannelInitializer(
                      service, quota, config.maxBodyBytes(), config.clock(), config.accessLog())
                  .bodyStorage(objects.bodies())
                  .connectionLimits(
                      config.idleTimeout(), config.requestTimeout(), config.maxConnections()),
              // Durable writes block on fsync: keep them off the event loop.
              dataDirectory != null);
      // Bound and answering: the XML mapper (once per JVM) is built now rather than by a request,
      // unless footprint comes first (README, Performance: the small-footprint flags).
      if (!"false".equals(System.getProperty(PREPARE_PROPERTY))) {
        dev.ossemu.xml.XmlCodec.prepare();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding", e);
    } catch (Exception e) {
      String where = config.host() + ":" + config.port();
      throw new UncheckedIOException(
          "cannot listen on " + where + ": " + e.getMessage(),
          e instanceof IOException io ? io : new IOException(e));
    }
    return this;
  }

  /**
   * The bound port.
   *
   * @throws IllegalStateException before {@link #start()} or after {@link #close()}
   */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("the emulator is not running: call start() first");
    }
    return server.port();
  }

  /**
   * {@code http://<host>:<port>}, the endpoint to give an OSS SDK. Bound to every interface ({@code
   * 0.0.0.0}, {@code ::}), it names the loopback address: a client cannot connect to the wildcard
   * address itself on every platform.
   */
  public String endpoint() {
    String host =
        switch (config.host()) {
          case "0.0.0.0" -> "127.0.0.1";
          case "::", "[::]" -> "[::1]";
          default -> config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        };
    return "http://" + host + ":" + port();
  }

  public String region() {
    return config.region();
  }

  /** The first account's access key id. */
  public String accessKeyId() {
    return config.accounts().get(0).primaryKey().id();
  }

  /** The first account's access key secret. */
  public String accessKeySecret() {
    return config.accounts().get(0).primaryKey().secret();
  }

  /**
   * The bearer token the admin API requires: the configured one, a random one generated at start
   * when bound beyond loopback without one, or null when only local callers are served
   * (SECURITY.md). Java callers need none: {@link #reset()}, {@link #requests()} and {@link
   * #fault(Fault)} act directly.
   */
  public String adminToken() {
    return adminToken;
  }

  /** Whether {@link #adminToken()} was generated, not configured: the CLI then prints it once. */
  public boolean adminTokenGenerated() {
    return adminToken != null && config.adminToken() == null;
  }

  public EmulatorConfig config() {
    return config;
  }

  /**
   * Everything back to the start state: buckets as configured, no objects or uploads, empty
   * journal, no faults.
   */
  public void reset() {
    store.clear();
    objects.clear();
    journal.clear();
    faults.clear();
    createInitialBuckets();
  }

  /** The request journal, oldest first (the same as {@code GET /_emulator/requests}). */
  public List<JournalEntry> requests() {
    return journal.list(entry -> true);
  }

  /** Empties the request journal. */
  public void clearRequests() {
    journal.clear();
  }

  /**
   * Injects a fault (the same as {@code POST /_emulator/faults}).
   *
   * @return the fault's id
   * @throws IllegalArgumentException when the fault has no effect or an invalid field
   */
  public String fault(Fault fault) {
    return faults.add(fault);
  }

  /** The faults in force, with the times each has left. */
  public List<Fault> faults() {
    return faults.list();
  }

  /** Removes every fault. */
  public void clearFaults() {
    faults.clear();
  }

  /**
   * Stops the server and frees its port and threads, and what it stored: in memory, the objects and
   * uploads are gone and their bodies' memory is freed now (off the heap, it would otherwise wait
   * for the collector); with a data directory, the directory is closed and keeps them. Safe to call
   * more than once; the emulator cannot be started again.
   */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.close(); // the event loops have ended: no request still reads a body
      server = null;
    }
    if (closed) {
      return;
    }
    closed = true;
    if (dataDirectory != null) {
      dataDirectory.close();
    } else {
      objects.clear(); // a body still being sent keeps its own reference until its last byte
    }
  }

  /** The owner ID of the named account; the first account's for null. */
  private String ownerIdOf(String accountName) {
    for (dev.ossemu.auth.Account account : config.accounts()) {
      if (accountName == null || account.name().equals(accountName)) {
        return account.ownerId();
      }
    }
    throw new IllegalArgumentException("unknown owner account " + accountName);
  }

  private void createInitialBuckets() {
    for (EmulatorConfig.InitialBucket initial : config.buckets()) {
      store.createIfAbsent(
          new Bucket(
              initial.name(),
              ownerIdOf(initial.owner()),
              config.region(),
              config.clock().instant(),
              "Standard",
              "LRS",
              "private",
              initial.encryption()));
    }
  }
}
