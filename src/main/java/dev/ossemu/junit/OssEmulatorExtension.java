package dev.ossemu.junit;

import dev.ossemu.OssEmulator;
import dev.ossemu.OssEmulatorBuilder;
import dev.ossemu.bucket.EncryptionRule;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * An emulator for JUnit 5 tests, registered with {@code @RegisterExtension}. In a {@code static}
 * field there is one server per test class, reset before each test (unless {@code
 * resetBetweenTests(false)}); in an instance field each test gets a fresh server. Test methods may
 * declare the same parameters as with {@link OssEmulatorTest}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static OssEmulatorExtension OSS = OssEmulatorExtension.builder().bucket("examplebucket").build();
 * }</pre>
 */
public final class OssEmulatorExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  private final OssEmulatorBuilder options;
  private final boolean resetBetweenTests;
  private OssEmulator emulator;
  private boolean perTest;

  private OssEmulatorExtension(Builder builder) {
    this.options = builder.options;
    this.resetBetweenTests = builder.resetBetweenTests;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The running emulator.
   *
   * @throws IllegalStateException outside the tests of the class that registered it
   */
  public OssEmulator emulator() {
    if (emulator == null) {
      throw new IllegalStateException("the emulator runs only while tests are executing");
    }
    return emulator;
  }

  /** {@code http://127.0.0.1:<port>} of the running emulator. */
  public String endpoint() {
    return emulator().endpoint();
  }

  public int port() {
    return emulator().port();
  }

  /** Endpoint, region and keys of the running emulator. */
  public OssEmulatorInfo info() {
    return OssEmulatorInfo.of(emulator());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    emulator = options.build().start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (emulator == null) {
      // An instance field: JUnit never calls beforeAll, and each test gets its own server.
      emulator = options.build().start();
      perTest = true;
    } else if (resetBetweenTests) {
      emulator.reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    EmulatorParameters.closeClients(context);
    if (perTest) {
      stop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    EmulatorParameters.closeClients(context);
    stop();
  }

  private void stop() {
    if (emulator != null) {
      emulator.close();
      emulator = null;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return EmulatorParameters.supports(parameter);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return EmulatorParameters.resolve(parameter, context, emulator());
  }

  /** The options of an {@link OssEmulatorExtension}: those of {@link OssEmulator#builder()}. */
  public static final class Builder {
    private final OssEmulatorBuilder options = OssEmulator.builder();
    private boolean resetBetweenTests = true;

    private Builder() {}

    public Builder port(int port) {
      options.port(port);
      return this;
    }

    public Builder region(String region) {
      options.region(region);
      return this;
    }

    public Builder account(String accessKeyId, String accessKeySecret) {
      options.account(accessKeyId, accessKeySecret);
      return this;
    }

    public Builder bucket(String name) {
      options.bucket(name);
      return this;
    }

    public Builder bucket(String name, EncryptionRule encryption) {
      options.bucket(name, encryption);
      return this;
    }

    public Builder adminToken(String token) {
      options.adminToken(token);
      return this;
    }

    /** Whether a class-wide server is reset before each test; true by default. */
    public Builder resetBetweenTests(boolean reset) {
      this.resetBetweenTests = reset;
      return this;
    }

    public OssEmulatorExtension build() {
      return new OssEmulatorExtension(this);
    }
  }
}
