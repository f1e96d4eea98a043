package dev.ossemu;

import dev.ossemu.auth.Account;
import dev.ossemu.auth.StsCredentials;
import dev.ossemu.bucket.EncryptionRule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything an {@link OssEmulator} is started with. Built by {@link OssEmulatorBuilder}, which the
 * command line and environment feed too.
 *
 * @param host the address to bind; 127.0.0.1 unless asked otherwise
 * @param port the port; 0 picks a free one
 * @param region the region buckets live in and V4 signatures must name
 * @param accounts the accounts, each owning its own buckets
 * @param buckets buckets that exist at start and after every reset
 * @param stsCredentials fixed temporary credentials of RAM users
 * @param maxBodyBytes the largest document body (bucket configuration XML) accepted
 * @param maxStorageBytes the bound on all stored object bodies together
 * @param admin whether the admin API under {@code /_emulator/} answers
 * @param adminToken the bearer token the admin API requires, or null for none
 * @param journalSize how many requests the journal keeps
 * @param accessLog whether every request is logged, one line each, to {@code dev.ossemu.access}
 * @param dataDir where buckets and objects are kept across restarts, or null for memory only
 * @param idleTimeout how long a connection may wait between requests; zero: for ever
 * @param requestTimeout how long a request head may take to arrive, and a body may pause; zero: for
 *     ever
 * @param maxConnections the most connections served at once; zero: no bound
 * @param clock the clock for signature windows, dates and creation times
 */
public record EmulatorConfig(
    String host,
    int port,
    String region,
    List<Account> accounts,
    List<InitialBucket> buckets,
    List<StsCredentials.Temporary> stsCredentials,
    int maxBodyBytes,
    long maxStorageBytes,
    boolean admin,
    String adminToken,
    int journalSize,
    boolean accessLog,
    Path dataDir,
    Duration idleTimeout,
    Duration requestTimeout,
    int maxConnections,
    Clock clock) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final String DEFAULT_REGION = "cn-hangzhou";
  public static final String DEFAULT_ACCESS_KEY_ID = "test-access-key";
  public static final String DEFAULT_ACCESS_KEY_SECRET = "test-secret-key";

  /** Request bodies are small XML documents; 64 KiB is far above any valid one. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  /** nginx's keepalive_timeout is 75 s; SDK connection pools keep idle connections for 60 s. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

  /** Far above what any client on a working network needs for a head or between body bytes. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** Far above a test suite's parallel clients, far below a default fd limit of 4096 or more. */
  public static final int DEFAULT_MAX_CONNECTIONS = 1024;

  /**
   * A bucket that exists from the start.
   *
   * @param name the bucket name
   * @param owner the owning account's name, or null for the first account
   * @param encryption its default encryption rule, or null
   */
  public record InitialBucket(String name, String owner, EncryptionRule encryption) {
    public InitialBucket {
      Objects.requireNonNull(name, "name");
    }
  }

  public EmulatorConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(clock, "clock");
    accounts = List.copyOf(accounts);
    buckets = List.copyOf(buckets);
    stsCredentials = List.copyOf(stsCredentials);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
    }
    if (accounts.isEmpty()) {
      throw new IllegalArgumentException("at least one account is needed");
    }
    if (!region.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("region must look like cn-hangzhou: " + region);
    }
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("maxBodyBytes must be positive");
    }
    if (maxStorageBytes <= 0) {
      throw new IllegalArgumentException("maxStorageBytes must be positive");
    }
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (idleTimeout.isNegative() || requestTimeout.isNegative()) {
      throw new IllegalArgumentException("timeouts must not be negative");
    }
    if (maxConnections < 0) {
      throw new IllegalArgumentException("maxConnections must not be negative");
    }
    if (journalSize < 0) {
      throw new IllegalArgumentException("journalSize must not be negative");
    }
  }
}
