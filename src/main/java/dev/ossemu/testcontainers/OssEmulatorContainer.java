package dev.ossemu.testcontainers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import dev.ossemu.EmulatorConfig;
import dev.ossemu.OssEmulator;
import dev.ossemu.OssEmulatorBuilder;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.config.ConfigException;
import dev.ossemu.config.ConfigLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The emulator's image as a Testcontainers container, in the manner of Testcontainers' own {@code
 * MinIOContainer} and {@code LocalStackContainer}:
 *
 * <pre>{@code
 * try (OssEmulatorContainer oss =
 *     new OssEmulatorContainer("oss-emulator:0.1.0").withBucket("examplebucket")) {
 *   oss.start();
 *   OSS client = new OSSClientBuilder()
 *       .build(oss.getEndpoint(), oss.getAccessKeyId(), oss.getAccessKeySecret());
 * }
 * }</pre>
 *
 * It waits until {@code /_emulator/health} answers, then creates the buckets asked for with the
 * first account's key. Testcontainers is a {@code provided} dependency: the test project brings it.
 */
public class OssEmulatorContainer extends GenericContainer<OssEmulatorContainer> {
  /** The port the image listens on. */
  public static final int PORT = 9000;

  /** The admin API's health path, which answers even with {@code --no-admin}. */
  public static final String HEALTH_PATH = "/_emulator/health";

  /** Where the image's data directory is: a named volume goes here. */
  public static final String DATA_DIR = "/data";

  private static final String CONFIG_PATH = "/etc/oss-emulator/config.yaml";

  private final List<String[]> accounts = new ArrayList<>();
  private final Map<String, EncryptionRule> buckets = new LinkedHashMap<>();
  private EmulatorConfig fileConfig;
  private boolean fileHasAccounts;
  private String region;
  private String adminToken = UUID.randomUUID().toString();

  public OssEmulatorContainer(String image) {
    this(DockerImageName.parse(image));
  }

  public OssEmulatorContainer(DockerImageName image) {
    super(image);
    withExposedPorts(PORT);
    withEnv("OSS_EMULATOR_ADMIN_TOKEN", adminToken);
  }

  @Override
  protected void configure() {
    // Here rather than in the constructor: withAdminToken may change the token until start. The
    // health path needs no token, but an older image asked for it.
    waitingFor(
        Wait.forHttp(HEALTH_PATH)
            .forPort(PORT)
            .withHeader("Authorization", "Bearer " + adminToken)
            .forStatusCode(200)
            .withStartupTimeout(Duration.ofSeconds(60)));
  }

  /** An account with this key (repeatable; the first one is {@link #getAccessKeyId()}). */
  public OssEmulatorContainer withAccount(String accessKeyId, String accessKeySecret) {
    accounts.add(new String[] {accessKeyId, accessKeySecret});
    StringBuilder all = new StringBuilder();
    for (String[] account : accounts) {
      all.append(all.length() == 0 ? "" : ",").append(account[0]).append(':').append(account[1]);
    }
    return withEnv("OSS_EMULATOR_ACCOUNTS", all.toString());
  }

  /** A bucket of the first account, created once the emulator is up. */
  public OssEmulatorContainer withBucket(String name) {
    buckets.put(name, null);
    return self();
  }

  /** A bucket with this default encryption rule, created once the emulator is up. */
  public OssEmulatorContainer withBucket(String name, EncryptionRule rule) {
    buckets.put(name, rule);
    return self();
  }

  /**
   * A configuration file (accounts, RAM users, buckets, STS credentials), checked here before the
   * container starts and copied into it.
   */
  public OssEmulatorContainer withConfig(Path file) {
    OssEmulatorBuilder builder = OssEmulator.builder();
    try {
      new ConfigLoader().load(file, builder);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    boolean defaultKeyInFile = builder.hasAccessKey(EmulatorConfig.DEFAULT_ACCESS_KEY_ID);
    fileConfig = builder.build().config(); // built, never started: nothing is bound or opened
    fileHasAccounts =
        defaultKeyInFile || !EmulatorConfig.DEFAULT_ACCESS_KEY_ID.equals(firstOf(fileConfig)[0]);
    withCopyFileToContainer(MountableFile.forHostPath(file), CONFIG_PATH);
    return withEnv("OSS_EMULATOR_CONFIG", CONFIG_PATH);
  }

  /** Keeps buckets and objects in this named volume, so that they outlive the container. */
  public OssEmulatorContainer withDataVolume(String volumeName) {
    withEnv("OSS_EMULATOR_DATA_DIR", DATA_DIR);
    return withCreateContainerCmdModifier(
        cmd -> {
          List<Bind> binds = new ArrayList<>();
          if (cmd.getHostConfig().getBinds() != null) {
            binds.addAll(List.of(cmd.getHostConfig().getBinds()));
          }
          binds.add(new Bind(volumeName, new Volume(DATA_DIR)));
          cmd.getHostConfig().withBinds(binds);
        });
  }

  /** The region buckets live in (default cn-hangzhou, or the configuration file's). */
  public OssEmulatorContainer withRegion(String region) {
    this.region = region;
    return withEnv("OSS_EMULATOR_REGION", region);
  }

  /** The admin API's bearer token (default: a random one). */
  public OssEmulatorContainer withAdminToken(String token) {
    this.adminToken = token;
    return withEnv("OSS_EMULATOR_ADMIN_TOKEN", token);
  }

  /**
   * {@code http://<host>:<mapped port>}: give it to an OSS SDK (path style, an IP or localhost).
   */
  public String getEndpoint() {
    return "http://" + getHost() + ":" + getMappedPort(PORT);
  }

  public String getAccessKeyId() {
    return firstKey()[0];
  }

  public String getAccessKeySecret() {
    return firstKey()[1];
  }

  public String getRegion() {
    if (region != null) {
      return region;
    }
    return fileConfig != null ? fileConfig.region() : EmulatorConfig.DEFAULT_REGION;
  }

  public String getAdminToken() {
    return adminToken;
  }

  /** The configuration file's first account comes first: its accounts precede the others. */
  private String[] firstKey() {
    if (fileHasAccounts) {
      return firstOf(fileConfig);
    }
    if (!accounts.isEmpty()) {
      return accounts.get(0);
    }
    return new String[] {
      EmulatorConfig.DEFAULT_ACCESS_KEY_ID, EmulatorConfig.DEFAULT_ACCESS_KEY_SECRET
    };
  }

  private static String[] firstOf(EmulatorConfig config) {
    var key = config.accounts().get(0).primaryKey();
    return new String[] {key.id(), key.secret()};
  }

  @Override
  protected void containerIsStarted(InspectContainerResponse containerInfo) {
    BucketSeeder seeder = new BucketSeeder(getEndpoint(), getAccessKeyId(), getAccessKeySecret());
    buckets.forEach(seeder::create);
  }
}
