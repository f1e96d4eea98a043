package dev.ossemu;

import dev.ossemu.admin.RequestJournal;
import dev.ossemu.auth.Account;
import dev.ossemu.auth.Accounts;
import dev.ossemu.auth.StsCredentials;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.service.BucketNames;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Options of an {@link OssEmulator}; each has a default, so {@code build()} alone gives a working
 * emulator on a free port of 127.0.0.1 with one account {@code test-access-key}/{@code
 * test-secret-key}.
 */
public final class OssEmulatorBuilder {
  private String host = EmulatorConfig.DEFAULT_HOST;
  private int port;
  private String region = EmulatorConfig.DEFAULT_REGION;
  private final List<Account> accounts = new ArrayList<>();
  private final List<EmulatorConfig.InitialBucket> buckets = new ArrayList<>();
  private final List<StsCredentials.Temporary> stsCredentials = new ArrayList<>();
  private int maxBodyBytes = EmulatorConfig.DEFAULT_MAX_BODY_BYTES;
  private long maxStorageBytes = StorageQuota.defaultBytes();
  private boolean explicitStorage;
  private boolean admin = true;
  private String adminToken;
  private int journalSize = RequestJournal.DEFAULT_CAPACITY;
  private boolean accessLog;
  private Path dataDir;
  private Duration idleTimeout = EmulatorConfig.DEFAULT_IDLE_TIMEOUT;
  private Duration requestTimeout = EmulatorConfig.DEFAULT_REQUEST_TIMEOUT;
  private int maxConnections = EmulatorConfig.DEFAULT_MAX_CONNECTIONS;
  private Clock clock = Clock.systemUTC();

  /**
   * {@code Account.ownerIdFor(DEFAULT_ACCESS_KEY_ID)}, worked out once: nearly every start uses the
   * default account, and deriving its owner ID at start set up the JCA providers (~26 ms of a
   * standalone start) that nothing else needs before the port is bound. A test keeps it equal.
   */
  static final String DEFAULT_OWNER_ID = "9631026397700369";

  /** {@code Account.of(DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET)}: an immutable record. */
  static final Account DEFAULT_ACCOUNT =
      new Account(
          EmulatorConfig.DEFAULT_ACCESS_KEY_ID,
          DEFAULT_OWNER_ID,
          List.of(
              new Account.AccessKey(
                  EmulatorConfig.DEFAULT_ACCESS_KEY_ID, EmulatorConfig.DEFAULT_ACCESS_KEY_SECRET)),
          List.of());

  OssEmulatorBuilder() {}

  /** The address to bind, 127.0.0.1 by default; 0.0.0.0 exposes it to the network. */
  public OssEmulatorBuilder host(String host) {
    this.host = host;
    return this;
  }

  /** The port, 0 (a free one) by default. */
  public OssEmulatorBuilder port(int port) {
    this.port = port;
    return this;
  }

  public OssEmulatorBuilder region(String region) {
    this.region = region;
    return this;
  }

  /**
   * Adds an account with one access key; each account owns its own buckets. Without any, one
   * account {@code test-access-key}/{@code test-secret-key} exists.
   */
  public OssEmulatorBuilder account(String accessKeyId, String accessKeySecret) {
    accounts.add(Account.of(accessKeyId, accessKeySecret));
    return this;
  }

  /** Adds an account with its keys, owner ID and RAM users (as a configuration file has them). */
  public OssEmulatorBuilder account(Account account) {
    accounts.add(account);
    return this;
  }

  /** Whether an account with this access key id was added. */
  public boolean hasAccessKey(String accessKeyId) {
    return accounts.stream()
        .anyMatch(a -> a.accessKeys().stream().anyMatch(k -> k.id().equals(accessKeyId)));
  }

  /** A bucket of the first account that exists at start and again after every reset. */
  public OssEmulatorBuilder bucket(String name) {
    return bucket(name, null);
  }

  /** A bucket with a default encryption rule, existing at start and after every reset. */
  public OssEmulatorBuilder bucket(String name, EncryptionRule encryption) {
    return bucket(name, null, encryption);
  }

  /**
   * A bucket of the named account with an optional rule, existing at start and after every reset.
   *
   * @param owner the account name; null for the first account
   */
  public OssEmulatorBuilder bucket(String name, String owner, EncryptionRule encryption) {
    if (name == null || !BucketNames.isValid(name)) {
      throw new IllegalArgumentException("not a valid OSS bucket name: " + name);
    }
    buckets.add(new EmulatorConfig.InitialBucket(name, owner, encryption));
    return this;
  }

  /**
   * Fixed STS credentials for a RAM user of an account added before, for CI set-ups.
   *
   * @param ramUser {@code account/user}
   * @throws IllegalArgumentException when there is no such RAM user
   */
  public OssEmulatorBuilder stsCredentials(
      String ramUser,
      String accessKeyId,
      String accessKeySecret,
      String securityToken,
      Instant expiration) {
    Accounts.Credential user =
        new Accounts(accounts)
            .ramUser(ramUser)
            .orElseThrow(() -> new IllegalArgumentException("unknown RAM user " + ramUser));
    stsCredentials.add(
        new StsCredentials.Temporary(
            accessKeyId,
            accessKeySecret,
            securityToken,
            expiration,
            user.account(),
            user.ramUser()));
    return this;
  }

  public OssEmulatorBuilder maxBodyBytes(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
    return this;
  }

  /**
   * The bound on all stored object bodies together (default 512 MiB or half the maximum heap,
   * whichever is less).
   */
  public OssEmulatorBuilder maxStorageBytes(long bytes) {
    this.maxStorageBytes = bytes;
    this.explicitStorage = true;
    return this;
  }

  /** Whether {@code /_emulator/} answers (default true); off, its paths answer 404. */
  public OssEmulatorBuilder admin(boolean enabled) {
    this.admin = enabled;
    return this;
  }

  /** Requires {@code Authorization: Bearer <token>} on the admin API. */
  public OssEmulatorBuilder adminToken(String token) {
    this.adminToken = token;
    return this;
  }

  /** How many requests the journal keeps (default 1000; 0 keeps none). */
  public OssEmulatorBuilder journalSize(int size) {
    this.journalSize = size;
    return this;
  }

  /** Logs one line per request to the {@code dev.ossemu.access} logger (default off). */
  public OssEmulatorBuilder accessLog(boolean enabled) {
    this.accessLog = enabled;
    return this;
  }

  /**
   * Keeps buckets, rules, objects and multipart uploads in {@code dir} across restarts; without it
   * everything stays in memory.
   */
  public OssEmulatorBuilder dataDir(Path dir) {
    this.dataDir = dir;
    return this;
  }

  /**
   * Closes a connection with no request in progress after this long (default 60 s; zero: never).
   */
  public OssEmulatorBuilder idleTimeout(Duration timeout) {
    this.idleTimeout = timeout;
    return this;
  }

  /**
   * The time a request line and headers may take to arrive, and the longest pause within a body
   * (default 30 s; zero: no limit). A client past it gets {@code RequestTimeout} and is closed.
   */
  public OssEmulatorBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = timeout;
    return this;
  }

  /**
   * The most connections served at once (default 1024; zero: no bound). A new connection beyond it
   * gets 503 {@code SlowDown} and is closed; the others keep being served.
   */
  public OssEmulatorBuilder maxConnections(int max) {
    this.maxConnections = max;
    return this;
  }

  /** The clock for signature windows and dates; tests replaying captured requests fix it. */
  public OssEmulatorBuilder clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /**
   * The emulator, not yet started.
   *
   * @throws IllegalArgumentException for an invalid option (duplicate access key, bad region)
   */
  public OssEmulator build() {
    List<Account> configured = new ArrayList<>(accounts);
    if (configured.isEmpty()) {
      configured.add(DEFAULT_ACCOUNT);
    }
    new Accounts(configured); // fails fast on a duplicate access key id
    if (explicitStorage && dataDir == null) {
      HeapCheck.warnIfStorageExceedsHeap(maxStorageBytes, Runtime.getRuntime().maxMemory());
    }
    return new OssEmulator(
        new EmulatorConfig(
            host,
            port,
            region,
            configured,
            buckets,
            stsCredentials,
            maxBodyBytes,
            maxStorageBytes,
            admin,
            adminToken == null || adminToken.isEmpty() ? null : adminToken,
            journalSize,
            accessLog,
            dataDir,
            idleTimeout,
            requestTimeout,
            maxConnections,
            clock));
  }
}
