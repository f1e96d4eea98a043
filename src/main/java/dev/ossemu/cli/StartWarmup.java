package dev.ossemu.cli;

import dev.ossemu.EmulatorConfig;
import dev.ossemu.auth.Account;

/**
 * Work the standalone start needs soon, done on the second core while the main thread configures
 * logging: the JCA provider list and SHA-256 behind {@link Account#ownerIdFor} (about 26 ms of
 * security properties, provider set-up and the digest's VarHandles). The main thread computes every
 * owner ID itself, as before, and finds the providers ready; Netty's native-library extraction
 * later needs the same providers for its temporary file name.
 *
 * <p>A daemon thread that logs nothing: it must never keep the JVM alive, and a logger asked for
 * while Logback starts on the main thread would be a substitute that SLF4J later warns about.
 */
final class StartWarmup implements Runnable {
  static final String THREAD_NAME = "oss-emulator-warmup";

  private StartWarmup() {}

  /** Starts the warm-up and returns its thread; the caller need not wait for it. */
  static Thread start() {
    Thread thread = new Thread(new StartWarmup(), THREAD_NAME);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Override
  public void run() {
    try {
      Account.ownerIdFor(EmulatorConfig.DEFAULT_ACCESS_KEY_ID);
    } catch (RuntimeException e) {
      // Only a head start: the main thread computes the owner IDs itself and reports a failure.
    }
  }
}
