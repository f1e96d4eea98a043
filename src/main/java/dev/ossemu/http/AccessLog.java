package dev.ossemu.http;

import dev.ossemu.auth.Redaction;
import dev.ossemu.request.OssResponse;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link OssHttpHandler}'s access log: one line per answered request, when asked for. */
final class AccessLog {
  /** Off unless asked for: per-request logging costs, and most users never read it. */
  private static final Logger ACCESS = LoggerFactory.getLogger("dev.ossemu.access");

  private AccessLog() {}

  /** Logs the line for {@code request}, answered with {@code response}. */
  static void line(
      ChannelHandlerContext ctx,
      HttpRequest request,
      OssResponse response,
      String requestId,
      long now) {
    // Common log format, plus the request id that ties the line to the client's error.
    ACCESS.info(
        "{} - - [{}] \"{} {} {}\" {} {} {}",
        client(ctx.channel().remoteAddress()),
        HttpResponses.httpDate(now),
        request.method(),
        Redaction.uri(request.uri()),
        request.protocolVersion(),
        response.status(),
        response.contentLength(),
        requestId);
  }

  /** {@code 127.0.0.1:59150}: InetSocketAddress.toString() would add a leading slash. */
  static String client(SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      String ip = inet.getAddress().getHostAddress();
      return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + inet.getPort();
    }
    return String.valueOf(address);
  }
}
