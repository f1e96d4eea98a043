package dev.ossemu.http;

import dev.ossemu.blob.Blob;
import dev.ossemu.blob.BodySink;
import dev.ossemu.request.Headers;
import dev.ossemu.request.OssRequest;
import dev.ossemu.routing.Resolution;
import io.netty.handler.codec.http.HttpRequest;

/**
 * A request whose body has fully arrived: a small document as bytes, or an object upload already in
 * stored chunks. It holds no Netty buffer; the upload's storage lease holds one reference for the
 * request, which {@link #release()} gives back once the request is answered (the store took its own
 * reference if it kept the body), whatever the answer was.
 *
 * @param head the request line and headers
 * @param resolution the target and route resolved from the head, or null when it failed to decode
 * @param body the document body (empty for uploads)
 * @param upload the object body, or null
 * @param ticket its place in the connection's {@link ResponseOrder}
 * @param staged an upload still being written to a data file on the storage thread, or null: it
 *     becomes {@code upload} there, once every write before it is done
 */
record AssembledRequest(
    HttpRequest head,
    Resolution resolution,
    byte[] body,
    Blob upload,
    long ticket,
    BodySink staged) {
  /**
   * The request with its staged upload complete and durable, on the storage thread.
   *
   * @throws dev.ossemu.error.OssException when the upload could not be written (disk full)
   */
  AssembledRequest built() {
    return staged == null
        ? this
        : new AssembledRequest(head, resolution, body, staged.build(), ticket, null);
  }

  /** The plain-Java request the service answers, with the id it is answered under. */
  OssRequest toOssRequest(String requestId) {
    // The RequestGuard already refused what the decoder could not read; read in place, not copied.
    Headers headers = NettyHeaders.of(head.headers());
    return new OssRequest(
        requestId,
        head.method().name(),
        resolution.rawPath(),
        resolution.rawQuery(),
        resolution.query(),
        headers,
        body,
        upload);
  }

  /** Removes a staged file the store did not take. */
  void closeStaged() {
    if (staged != null) {
      staged.close();
    }
  }

  /** Gives back the request's reference to its upload; call exactly once. */
  void release() {
    if (upload != null) {
      upload.release();
    }
  }
}
