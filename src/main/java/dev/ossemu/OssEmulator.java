package dev.ossemu;

import dev.ossemu.auth.Account;
import dev.ossemu.auth.Accounts;
import dev.ossemu.bucket.BucketStore;
import dev.ossemu.bucket.InMemoryBucketStore;
import dev.ossemu.server.NettyServer;
import dev.ossemu.server.OssChannelInitializer;
import dev.ossemu.service.OssService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A local OSS endpoint: {@code OssEmulator.builder().build().start()}, point an OSS SDK at {@link
 * #endpoint()}, {@link #close()} when done. Two emulators in one JVM share nothing.
 */
public final class OssEmulator implements AutoCloseable {
  private final EmulatorConfig config;
  private final BucketStore store = new InMemoryBucketStore();
  private NettyServer server;

  private OssEmulator(EmulatorConfig config) {
    this.config = config;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port and returns once connections are accepted.
   *
   * @throws IllegalStateException when already started
   * @throws java.io.UncheckedIOException when the address cannot be bound (e.g. in use)
   */
  public synchronized OssEmulator start() {
    if (server != null) {
      throw new IllegalStateException("the emulator is already started");
    }
    OssService service =
        new OssService(
            new Accounts(config.accounts()),
            config.region(),
            config.clock(),
            store,
            Set.of(config.host().toLowerCase(java.util.Locale.ROOT)));
    try {
      server =
          NettyServer.bind(
              config.host(),
              config.port(),
              new OssChannelInitializer(service, config.maxBodyBytes(), config.clock()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding", e);
    } catch (Exception e) {
      throw new java.io.UncheckedIOException(
          "cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(),
          e instanceof java.io.IOException io ? io : new java.io.IOException(e));
    }
    return this;
  }

  /** The bound port. */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("the emulator is not started: call start() first");
    }
    return server.port();
  }

  /** {@code http://<host>:<port>}, the endpoint to give an OSS SDK. */
  public String endpoint() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
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

  public EmulatorConfig config() {
    return config;
  }

  /** Removes every bucket, back to the start state. */
  public void reset() {
    store.clear();
  }

  /** Stops the server and frees its port and threads; safe to call more than once. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** Options of an {@link OssEmulator}; each has a default, so {@code build()} alone works. */
  public static final class Builder {
    private String host = EmulatorConfig.DEFAULT_HOST;
    private int port;
    private String region = EmulatorConfig.DEFAULT_REGION;
    private final List<Account> accounts = new ArrayList<>();
    private int maxBodyBytes = EmulatorConfig.DEFAULT_MAX_BODY_BYTES;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The address to bind, 127.0.0.1 by default; 0.0.0.0 exposes it to the network. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** The port, 0 (a free one) by default. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /**
     * Adds an account with one access key; each account owns its own buckets. Without any, one
     * account {@code test-access-key}/{@code test-secret-key} exists.
     */
    public Builder account(String accessKeyId, String accessKeySecret) {
      accounts.add(Account.of(accessKeyId, accessKeySecret));
      return this;
    }

    /** Forgets the accounts added so far (the command line replaces the environment's). */
    public Builder clearAccounts() {
      accounts.clear();
      return this;
    }

    /** Whether an account with this access key id was added. */
    public boolean hasAccessKey(String accessKeyId) {
      return accounts.stream()
          .anyMatch(a -> a.accessKeys().stream().anyMatch(k -> k.id().equals(accessKeyId)));
    }

    public Builder maxBodyBytes(int maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** The clock for signature windows and dates; tests replaying captured requests fix it. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public OssEmulator build() {
      List<Account> configured = new ArrayList<>(accounts);
      if (configured.isEmpty()) {
        configured.add(
            Account.of(
                EmulatorConfig.DEFAULT_ACCESS_KEY_ID, EmulatorConfig.DEFAULT_ACCESS_KEY_SECRET));
      }
      new Accounts(configured); // fails fast on a duplicate access key id
      return new OssEmulator(
          new EmulatorConfig(host, port, region, configured, maxBodyBytes, clock));
    }
  }
}
