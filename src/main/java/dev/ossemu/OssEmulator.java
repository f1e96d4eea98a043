package dev.ossemu;

import dev.ossemu.admin.AdminApi;
import dev.ossemu.admin.AdminSettings;
import dev.ossemu.admin.Fault;
import dev.ossemu.admin.Faults;
import dev.ossemu.admin.JournalEntry;
import dev.ossemu.admin.RequestJournal;
import dev.ossemu.auth.Accounts;
import dev.ossemu.auth.StsCredentials;
import dev.ossemu.server.NettyServer;
import dev.ossemu.service.OssService;
import java.io.UncheckedIOException;
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
  private final EmulatorStorage storage;
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
    this.accounts = new Accounts(config.accounts());
    config.stsCredentials().forEach(sts::add);
    this.adminToken = AdminToken.effective(config);
    this.storage = EmulatorStorage.open(config);
    try {
      storage.createInitialBuckets(config);
    } catch (RuntimeException e) {
      // The data directory is open and locked by now: a build that fails must let go of it, or
      // the corrected build in the same JVM is refused as "in use by another emulator".
      storage.close();
      throw e;
    }
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
            storage.store(),
            storage.objects(),
            Set.of(config.host().toLowerCase(Locale.ROOT)),
            journal,
            faults,
            admin);
    server = EmulatorServer.bind(config, storage, service);
    EmulatorServer.prepare(config);
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
    storage.clear();
    journal.clear();
    faults.clear();
    storage.createInitialBuckets(config);
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
    storage.close();
  }
}
