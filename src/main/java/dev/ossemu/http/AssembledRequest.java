package dev.ossemu.http;

import dev.ossemu.blob.Blob;
import dev.ossemu.routing.Resolution;
import io.netty.handler.codec.http.HttpRequest;

/**
 * A request whose body has fully arrived: a small document as bytes, or an object upload already in
 * stored chunks. It holds no Netty buffer, so nothing downstream has to release it.
 *
 * @param head the request line and headers
 * @param resolution the target and route resolved from the head, or null when it failed to decode
 * @param body the document body (empty for uploads)
 * @param upload the object body, or null
 */
record AssembledRequest(HttpRequest head, Resolution resolution, byte[] body, Blob upload) {}
