package dev.ossemu;

import dev.ossemu.server.NettyServer;
import dev.ossemu.server.OssChannelInitializer;
import dev.ossemu.service.OssService;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The port of an {@link OssEmulator}: its service over its storage, bound as configured. */
final class EmulatorServer {
  private EmulatorServer() {}

  /**
   * The server, bound and accepting connections.
   *
   * @throws IllegalStateException when interrupted while binding
   * @throws UncheckedIOException when the address cannot be bound (e.g. in use)
   */
  static NettyServer bind(EmulatorConfig config, EmulatorStorage storage, OssService service) {
    try {
      return NettyServer.bind(
          config.host(),
          config.port(),
          new OssChannelInitializer(
                  service,
                  storage.quota(),
                  config.maxBodyBytes(),
                  config.clock(),
                  config.accessLog())
              .bodyStorage(storage.objects().bodies())
              .connectionLimits(
                  config.idleTimeout(), config.requestTimeout(), config.maxConnections()),
          // Durable writes block on fsync: keep them off the event loop.
          storage.durable());
    } catch (Exception e) {
      throw failure(config, e);
    }
  }

  /**
   * Once {@link #bind} has returned. It fails as binding does: the server stays with its emulator,
   * whose {@code close()} frees it.
   *
   * @throws UncheckedIOException when the XML mapper cannot be built
   */
  static void prepare(EmulatorConfig config) {
    try {
      // Bound and answering: the XML mapper (once per JVM) is built now rather than by a request,
      // unless footprint comes first (README, Performance: the small-footprint flags).
      if (!"false".equals(System.getProperty(OssEmulator.PREPARE_PROPERTY))) {
        dev.ossemu.xml.XmlCodec.prepare();
      }
    } catch (Exception e) {
      throw failure(config, e);
    }
  }

  private static RuntimeException failure(EmulatorConfig config, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return new IllegalStateException("interrupted while binding", e);
    }
    String where = config.host() + ":" + config.port();
    return new UncheckedIOException(
        "cannot listen on " + where + ": " + e.getMessage(),
        e instanceof IOException io ? io : new IOException(e));
  }
}
