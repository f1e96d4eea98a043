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
import io.netty.util.AsciiString;
import java.util.Date;
import java.util.Map;

/** Turns an {@link OssResponse} into a Netty response with the headers every OSS answer has. */
final class HttpResponses {
  /** spec §9.1: OSS names itself so, and SDK samples show it. */
  static final String SERVER = "AliyunOSS";

  /**
   * The names (in the case OSS writes them) and fixed value every answer carries, as AsciiStrings:
   * Netty then takes the hash they carry instead of hashing each String name anew (setting these
   * was 5 % of a PutBucketEncryption's samples, issue 15).
   */
  private static final AsciiString SERVER_VALUE = AsciiString.cached(SERVER);

  private static final AsciiString SERVER_NAME = AsciiString.cached("Server");
  private static final AsciiString DATE = AsciiString.cached("Date");
  private static final AsciiString REQUEST_ID = AsciiString.cached("x-oss-request-id");
  private static final AsciiString TRANSFER_ENCODING = AsciiString.cached("Transfer-Encoding");
  private static final AsciiString CONTENT_LENGTH = AsciiString.cached("Content-Length");
  private static final AsciiString CONNECTION = AsciiString.cached("Connection");

  /**
   * Content-Length values of small documents, written once each: a number converted to text and
   * then validated for every answer cost as much as the other headers together.
   */
  private static final AsciiString[] SMALL_LENGTHS = new AsciiString[4096];

  /**
   * Names are the emulator's own, so only values are validated (they may echo a client's metadata).
   */
  private static final DefaultHttpHeadersFactory HEADERS =
      DefaultHttpHeadersFactory.headersFactory().withNameValidation(false);

  /** The Date header of the current second: formatting it for every response cost 2 %. */
  private static volatile FormattedSecond lastDate =
      new FormattedSecond(Long.MIN_VALUE, "", AsciiString.EMPTY_STRING);

  /** The text also as an AsciiString, which the encoder copies as bytes, char by char otherwise. */
  private record FormattedSecond(long epochSecond, String text, AsciiString ascii) {}

  private HttpResponses() {}

  static String httpDate(long millis) {
    return formatted(millis).text();
  }

  private static FormattedSecond formatted(long millis) {
    long second = Math.floorDiv(millis, 1000);
    FormattedSecond cached = lastDate;
    if (cached.epochSecond() != second) {
      // A race only formats the same second twice; each reader sees a consistent pair.
      String text = DateFormatter.format(new Date(second * 1000));
      cached = new FormattedSecond(second, text, new AsciiString(text));
      lastDate = cached;
    }
    return cached;
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

  private static CharSequence length(long length) {
    if (length < 0 || length >= SMALL_LENGTHS.length) {
      return Long.toString(length);
    }
    AsciiString text = SMALL_LENGTHS[(int) length];
    if (text == null) {
      // A race writes an equal value twice; an AsciiString is immutable, so any reader is fine.
      text = AsciiString.cached(Long.toString(length));
      SMALL_LENGTHS[(int) length] = text;
    }
    return text;
  }

  private static void fill(
      HttpHeaders headers,
      OssResponse response,
      String requestId,
      long nowMillis,
      boolean keepAlive) {
    headers.set(SERVER_NAME, SERVER_VALUE);
    headers.set(DATE, formatted(nowMillis).ascii());
    headers.set(REQUEST_ID, requestId);
    for (Map.Entry<String, String> header : response.headers().entrySet()) {
      headers.set(header.getKey(), header.getValue());
    }
    if (response.isGzipped()) {
      headers.set(TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    } else {
      headers.set(CONTENT_LENGTH, length(response.contentLength()));
    }
    // Said either way: a client must know that the connection ends with this answer.
    headers.set(CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
  }
}
