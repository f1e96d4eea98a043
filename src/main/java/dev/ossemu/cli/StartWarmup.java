package dev.ossemu.cli;

import dev.ossemu.EmulatorConfig;
import dev.ossemu.auth.Account;
import dev.ossemu.server.HandlerAnnotations;

/**
 * Work the standalone start needs soon, done on the second core while the main thread configures
 * logging and builds the emulator:
 *
 * <ul>
 *   <li>the JCA provider list and SHA-256 (~26 ms of security properties, provider set-up and the
 *       digest's VarHandles): Netty's native-library extraction needs the providers for its
 *       temporary file name, and {@link Account#ownerIdFor} the digest for every account given by
 *       option or file (the main thread computes those itself, as before, and finds them ready);
 *   <li>the annotation proxies Netty's first pipeline asks for ({@link HandlerAnnotations}).
 * </ul>
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
      HandlerAnnotations.prepare();
    } catch (RuntimeException e) {
      // Only a head start: the main thread computes the owner IDs itself and reports a failure.
    }
  }
}
