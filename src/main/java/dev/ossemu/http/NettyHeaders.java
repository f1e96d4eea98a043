package dev.ossemu.http;

import dev.ossemu.request.Headers;
import io.netty.handler.codec.http.HttpHeaders;
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
  private final HttpHeaders headers;

  private NettyHeaders(HttpHeaders headers) {
    this.headers = headers;
  }

  /** The request's headers as {@link Headers}, without a copy. */
  public static Headers of(HttpHeaders headers) {
    return Headers.over(new NettyHeaders(headers));
  }

  @Override
  public String first(String name) {
    return headers.get(name);
  }

  @Override
  public Iterator<String> values(String name) {
    // Not valueStringIterator: it walks a name's values newest first, and joins keep arrival order.
    return headers.getAll(name).iterator();
  }

  @Override
  public int count(String name) {
    int count = 0; // order does not matter here, so no list as values() needs
    for (Iterator<String> values = headers.valueStringIterator(name); values.hasNext(); ) {
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
