package dev.ossemu.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Reads the two handler annotations Netty checks when the first pipeline is built: {@code Sharable}
 * (on {@link OssChannelInitializer}, through {@code ChannelInitializer}) and {@code
 * ChannelHandlerMask.Skip} (on the adapters' methods). The JDK answers the first read of each
 * annotation type with a dynamic proxy class generated then (and for their {@code Retention} and
 * {@code Target}), ~20 ms of a standalone start that an AppCDS archive on JDK 17 cannot hold;
 * generated here, on the warm-up thread, they are cached for the main thread's bind.
 *
 * <p>Only reflection: no Netty class is initialised, so this may run beside the main thread's own
 * Netty set-up without any ordering between their class initialisers.
 */
public final class HandlerAnnotations {
  private HandlerAnnotations() {}

  /** Generates the annotation proxies now; harmless to call again or from several threads. */
  public static void prepare() {
    OssChannelInitializer.class.isAnnotationPresent(ChannelHandler.Sharable.class);
    try {
      ChannelInboundHandlerAdapter.class
          .getMethod("channelRead", ChannelHandlerContext.class, Object.class)
          .getAnnotations();
    } catch (NoSuchMethodException e) {
      // Another Netty version: the main thread's bind reads whatever it has, as before.
    }
  }
}
