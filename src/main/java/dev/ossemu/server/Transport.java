package dev.ossemu.server;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.util.Locale;

/**
 * The socket transport: epoll where it loads, NIO everywhere else (macOS, Windows, a kernel or
 * seccomp profile without io_uring). The native transports save a copy and a selector wake-up per
 * read, which is most of the difference to the bare-Netty ceiling at small requests. The system
 * property {@value #PROPERTY} ({@code nio}, {@code epoll}, {@code io_uring}) forces one; a forced
 * native transport that does not load falls back. io_uring is chosen only when forced: a test JVM
 * running the full suite on it aborted once with glibc heap corruption ({@code
 * tcache_thread_shutdown(): unaligned tcache chunk}), and an emulator that may crash costs more
 * than the copy it saves.
 */
enum Transport {
  IO_URING("io_uring"),
  EPOLL("epoll"),
  NIO("nio");

  /** Forces a transport, for comparisons and for machines where a native one misbehaves. */
  static final String PROPERTY = "dev.ossemu.transport";

  private final String id;

  Transport(String id) {
    this.id = id;
  }

  /** The transport to use: the forced one when it is available, else the best available. */
  static Transport choose() {
    String forced = System.getProperty(PROPERTY, "auto").toLowerCase(Locale.ROOT);
    for (Transport transport : values()) {
      if (transport.id.equals(forced) && transport.available()) {
        return transport;
      }
    }
    return EPOLL.available() ? EPOLL : NIO;
  }

  boolean available() {
    try {
      return switch (this) {
        case IO_URING -> IoUring.isAvailable();
        case EPOLL -> Epoll.isAvailable();
        case NIO -> true;
      };
    } catch (LinkageError e) {
      // The native jar is for another OS or architecture: its classes load, its library does not.
      return false;
    }
  }

  IoHandlerFactory ioHandlerFactory() {
    return switch (this) {
      case IO_URING -> IoUringIoHandler.newFactory();
      case EPOLL -> EpollIoHandler.newFactory();
      case NIO -> NioIoHandler.newFactory();
    };
  }

  Class<? extends ServerChannel> serverChannel() {
    return switch (this) {
      case IO_URING -> IoUringServerSocketChannel.class;
      case EPOLL -> EpollServerSocketChannel.class;
      case NIO -> NioServerSocketChannel.class;
    };
  }

  /** The name the start banner prints. */
  String id() {
    return id;
  }
}
