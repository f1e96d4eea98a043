package dev.ossemu.http;

import dev.ossemu.request.OssResponse;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Date;
import java.util.Map;

/** Turns an {@link OssResponse} into a Netty response with the headers every OSS answer has. */
final class HttpResponses {
  /** spec §9.1: OSS names itself so, and SDK samples show it. */
  static final String SERVER = "AliyunOSS";

  /**
   * Names are the emulator's own, so only values are validated (they may echo a client's metadata).
   */
  private static final DefaultHttpHeadersFactory HEADERS =
      DefaultHttpHeadersFactory.headersFactory().withNameValidation(false);

  /** The Date header of the current second: formatting it for every response cost 2 %. */
  private static volatile FormattedSecond lastDate = new FormattedSecond(Long.MIN_VALUE, "");

  private record FormattedSecond(long epochSecond, String text) {}

  private HttpResponses() {}

  static String httpDate(long millis) {
    long second = Math.floorDiv(millis, 1000);
    FormattedSecond cached = lastDate;
    if (cached.epochSecond() != second) {
      // A race only formats the same second twice; each reader sees a consistent pair.
      cached = new FormattedSecond(second, DateFormatter.format(new Date(second * 1000)));
      lastDate = cached;
    }
    return cached.text();
  }

  /**
   * The Netty response for a document {@code response} (its body is sent whole, it is small):
   * {@code Server}, {@code Date} (GO2 corrects clock skew from it), {@code x-oss-request-id},
   * {@code Content-Length} and {@code Connection: keep-alive} when the client wants it
   * (HttpServerKeepAliveHandler turns that into {@code close} when it must).
   */
  static FullHttpResponse toHttp(
      OssResponse response,
      HttpVersion version,
      String requestId,
      long nowMillis,
      boolean keepAlive) {
    FullHttpResponse http =
        new DefaultFullHttpResponse(
            version,
            HttpResponseStatus.valueOf(response.status()),
            Unpooled.wrappedBuffer(response.sharedBody()), // read-only use: nothing writes it
            HEADERS,
            DefaultHttpHeadersFactory.trailersFactory());
    fill(http.headers(), response, requestId, nowMillis, keepAlive);
    return http;
  }

  /** The status line and headers of a streamed {@code response}; its body follows in pieces. */
  static HttpResponse head(
      OssResponse response,
      HttpVersion version,
      String requestId,
      long nowMillis,
      boolean keepAlive) {
    HttpResponse http =
        new DefaultHttpResponse(version, HttpResponseStatus.valueOf(response.status()), HEADERS);
    fill(http.headers(), response, requestId, nowMillis, keepAlive);
    return http;
  }

  private static void fill(
      HttpHeaders headers,
      OssResponse response,
      String requestId,
      long nowMillis,
      boolean keepAlive) {
    headers.set("Server", SERVER);
    headers.set("Date", httpDate(nowMillis));
    headers.set("x-oss-request-id", requestId);
    for (Map.Entry<String, String> header : response.headers().entrySet()) {
      headers.set(header.getKey(), header.getValue());
    }
    if (response.isGzipped()) {
      headers.set("Transfer-Encoding", HttpHeaderValues.CHUNKED);
    } else {
      headers.set("Content-Length", response.contentLength());
    }
    // Said either way: a client must know that the connection ends with this answer.
    headers.set("Connection", keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
  }
}
