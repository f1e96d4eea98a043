package dev.ossemu.http;

import dev.ossemu.blob.BlobBuilder;
import dev.ossemu.blob.BodySink;
import dev.ossemu.blob.BodyStorage;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.routing.BodyKind;
import dev.ossemu.routing.Resolution;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;

/**
 * Where the {@link OssBodyAssembler} puts one connection's request bodies, one at a time: an object
 * upload chunk by chunk into storage (bounded by the {@link StorageQuota}, a blocking storage
 * written on the connection's storage thread through {@link OffloadedWrites}), a document into a
 * bounded buffer. Each body is either handed on complete or discarded, never both. Confined to the
 * channel's event loop.
 */
final class BodyIntake {
  /** OSS's limit for a single PutObject or part: 5 GiB. */
  static final long MAX_UPLOAD_BYTES = 5L * 1024 * 1024 * 1024;

  /** Documents listing many entries (1000 keys to delete, 10000 parts) need more room. */
  static final int LARGE_DOCUMENT_BYTES = 2 * 1024 * 1024;

  private final StorageQuota quota;
  private final int maxDocumentBytes;
  private BodySink body;
  private BodyStorage storage = BodyStorage.MEMORY;
  private OffloadedWrites offload;
  private boolean offloaded;
  private boolean upload;
  private long limit;

  BodyIntake(StorageQuota quota, int maxDocumentBytes) {
    this.quota = quota;
    this.maxDocumentBytes = maxDocumentBytes;
  }

  /** See {@link OssBodyAssembler#uploadsTo}. */
  void uploadsTo(BodyStorage storage, Executor blocking) {
    this.storage = storage;
    this.offload = storage.blocks() ? new OffloadedWrites(blocking) : null;
  }

  /**
   * Opens the body of {@code request}, taken in as its route says.
   *
   * @return false when its announced length is past the bound already
   */
  boolean open(HttpRequest request, BodyKind kind) {
    upload = kind == BodyKind.UPLOAD;
    limit =
        switch (kind) {
          case UPLOAD -> MAX_UPLOAD_BYTES;
          case LARGE_DOCUMENT -> Math.max(maxDocumentBytes, LARGE_DOCUMENT_BYTES);
          case DOCUMENT -> maxDocumentBytes;
        };
    long announced = HttpUtil.getContentLength(request, -1L);
    offloaded = upload && offload != null;
    // A document is parsed, never stored: it is neither reserved nor checksummed.
    body = upload ? storage.open(quota, announced) : BlobBuilder.document(announced);
    return announced <= limit;
  }

  /** Whether {@code length} more bytes stay within the bound. */
  boolean fits(int length) {
    return body.length() + length <= limit;
  }

  /**
   * EntityTooLarge with the EC of what was too large: an object body past 5 GiB (DOC EC page
   * 0017-00000102) or a request document past its operation's limit (DOC EC page 0017-00000501).
   */
  OssException tooLarge() {
    return OssException.of(OssErrorCode.ENTITY_TOO_LARGE)
        .ec(upload ? "0017-00000102" : "0017-00000501")
        .build();
  }

  /**
   * Copies {@code bytes} into the body, or hands them to the storage thread; the caller still
   * releases them.
   *
   * @throws OssException when the storage quota is full
   */
  void append(ChannelHandlerContext ctx, ByteBuf bytes) {
    if (offloaded) {
      offload.write(ctx, body, bytes);
    } else {
      for (ByteBuffer nio : bytes.nioBuffers()) {
        body.append(nio);
      }
    }
  }

  /** The request with the body taken in, which from now on is the request's, not this intake's. */
  AssembledRequest assembled(HttpRequest request, Resolution resolved, long ticket) {
    BodySink assembled = body;
    body = null;
    if (offloaded) {
      // Built on the storage thread once the writes queued before it are done.
      return new AssembledRequest(request, resolved, new byte[0], null, ticket, assembled);
    } else if (upload) {
      return new AssembledRequest(request, resolved, new byte[0], assembled.build(), ticket, null);
    } else {
      return new AssembledRequest(request, resolved, documentBytes(assembled), null, ticket, null);
    }
  }

  private static byte[] documentBytes(BodySink builder) {
    return builder instanceof BlobBuilder document
        ? document.toByteArray()
        : builder.build().toByteArray();
  }

  /** Drops the body taken in so far, if there is one. */
  void discard() {
    if (body != null) {
      BodySink dropped = body;
      body = null;
      if (offloaded) {
        offload.after(dropped::discard); // after the writes still queued for it
      } else {
        dropped.discard();
      }
    }
  }
}
