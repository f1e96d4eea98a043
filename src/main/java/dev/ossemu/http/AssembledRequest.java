package dev.ossemu.http;

import dev.ossemu.blob.Blob;
import io.netty.handler.codec.http.HttpRequest;

/**
 * A request whose body has fully arrived: a small document as bytes, or an object upload already in
 * stored chunks. It holds no Netty buffer, so nothing downstream has to release it.
 *
 * @param head the request line and headers
 * @param body the document body (empty for uploads)
 * @param upload the object body, or null
 * @param ticket its place in the connection's {@link ResponseOrder}
 */
record AssembledRequest(HttpRequest head, byte[] body, Blob upload, long ticket) {}
