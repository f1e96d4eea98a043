package dev.ossemu.http;

import dev.ossemu.request.Headers;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The decoder's own {@link HttpHeaders} behind {@link Headers}, read in place: Netty already looks
 * names up case-insensitively and keeps repeated lines in arrival order, which is all {@code
 * Headers} needs (issue 15: the copy into a sorted map was 3 % of a request). The request object
 * outlives the call, and nothing writes to its headers once decoded. {@code NettyHeadersTest} holds
 * every answer to the copy's.
 */
public final class NettyHeaders implements Headers.Source {
  /**
   * The names every signed request looks up, as {@link AsciiString}s: Netty then takes the hash
   * they carry instead of hashing a String char by char, and compares bytes with bytes. Header
   * lookups were ~10 % of a PutBucketEncryption's samples (issue 15); other names go as they are.
   */
  private static final Map<String, AsciiString> KNOWN = known();

  private final HttpHeaders headers;

  private NettyHeaders(HttpHeaders headers) {
    this.headers = headers;
  }

  /** The request's headers as {@link Headers}, without a copy. */
  public static Headers of(HttpHeaders headers) {
    return Headers.over(new NettyHeaders(headers));
  }

  private static Map<String, AsciiString> known() {
    Map<String, AsciiString> known = new HashMap<>();
    for (String name :
        new String[] {
          "Host",
          "Authorization",
          "Date",
          "Content-MD5",
          "Content-Type",
          "Content-Length",
          "Transfer-Encoding",
          "x-oss-date",
          "x-oss-security-token",
          "x-oss-content-sha256"
        }) {
      AsciiString ascii = AsciiString.cached(name);
      known.put(name, ascii);
      known.put(name.toLowerCase(java.util.Locale.ROOT), ascii);
    }
    return known; // a HashMap: a miss is one bucket, where an immutable map probes on
  }

  /**
   * The name to look up with: its AsciiString when it is a known one (case as callers write it).
   */
  private static CharSequence key(String name) {
    AsciiString known = KNOWN.get(name);
    return known != null ? known : name;
  }

  @Override
  public String first(String name) {
    return headers.get(key(name));
  }

  @Override
  public Iterator<String> values(String name) {
    // Not valueStringIterator: it walks a name's values newest first, and joins keep arrival order.
    return headers.getAll(key(name)).iterator();
  }

  @Override
  public int count(String name) {
    int count = 0; // order does not matter here, so no list as values() needs
    for (Iterator<String> values = headers.valueStringIterator(key(name)); values.hasNext(); ) {
      values.next();
      count++;
    }
    return count;
  }

  @Override
  public Iterator<Map.Entry<CharSequence, CharSequence>> lines() {
    return headers.iteratorCharSequence();
  }

  @Override
  public int size() {
    return headers.size();
  }
}
