package dev.ossemu.request;

import dev.ossemu.blob.Blob;
import dev.ossemu.blob.OpenBlob;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an operation answers: status, the headers particular to it and the body. Headers common to
 * every response ({@code Server}, {@code Date}, {@code x-oss-request-id}, {@code Content-Length})
 * are added by the HTTP layer. An object body is a range of a stored {@link Blob}, opened when the
 * answer is made and streamed out by the HTTP layer, so it is never copied into one buffer.
 */
public final class OssResponse {
  /** spec §0: every XML body, success or error, is sent as application/xml. */
  public static final String APPLICATION_XML = "application/xml";

  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final byte[] document;
  private final Blob blob;
  private final long start;
  private final OpenBlob stream;
  private final long contentLength;
  private boolean gzip;

  private OssResponse(
      int status, byte[] document, Blob blob, long start, OpenBlob stream, long contentLength) {
    this.status = status;
    this.document = document;
    this.blob = blob;
    this.start = start;
    this.stream = stream;
    this.contentLength = contentLength;
  }

  /** A response with no body. */
  public static OssResponse empty(int status) {
    return new OssResponse(status, new byte[0], null, 0, null, 0);
  }

  /** A response carrying an XML document. */
  public static OssResponse xml(int status, byte[] xml) {
    return bytes(status, xml).header("Content-Type", APPLICATION_XML);
  }

  /** A response carrying a JSON document (the admin API). */
  public static OssResponse json(int status, byte[] json) {
    return bytes(status, json).header("Content-Type", "application/json");
  }

  private static OssResponse bytes(int status, byte[] body) {
    return new OssResponse(status, body, null, 0, null, body.length);
  }

  /**
   * A response streaming the bytes of {@code blob} from {@code start} to {@code end} (exclusive);
   * its data files are opened now.
   *
   * @throws java.io.UncheckedIOException when a data file cannot be opened
   */
  public static OssResponse stream(int status, Blob blob, long start, long end) {
    return new OssResponse(status, null, blob, start, OpenBlob.open(blob, start, end), end - start);
  }

  /** The headers of an object without its body, as HEAD answers: Content-Length is its size. */
  public static OssResponse head(int status, long length) {
    return new OssResponse(status, null, null, 0, null, length);
  }

  public OssResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /**
   * This streamed body, sent gzip-compressed and chunked: its compressed length is not known in
   * advance, so no Content-Length (OSS's answer to {@code Accept-Encoding: gzip}).
   */
  public OssResponse gzipped() {
    gzip = stream != null;
    return this;
  }

  /** Whether the body goes out gzip-compressed and chunked. */
  public boolean isGzipped() {
    return gzip;
  }

  /** This response without the header {@code name} (as spelled when it was set). */
  public OssResponse withoutHeader(String name) {
    headers.remove(name);
    return this;
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return Collections.unmodifiableMap(headers);
  }

  /**
   * The body to send: the opened object range (its open files are the caller's to close, through
   * {@link OpenBlob#close()} and the parts it takes), or the document's bytes.
   */
  public OpenBlob openBody() {
    return stream != null ? stream : OpenBlob.of(List.of(ByteBuffer.wrap(document())));
  }

  /** Whether the body is an object range to stream rather than a document. */
  public boolean streams() {
    return stream != null;
  }

  /** Closes the data files of a streamed body that will not be sent. */
  public void discardBody() {
    if (stream != null) {
      stream.close();
    }
  }

  private byte[] document() {
    return document == null ? new byte[0] : document;
  }

  /** The Content-Length to announce: the body's length, or the object's size for HEAD. */
  public long contentLength() {
    return contentLength;
  }

  /**
   * The body as one array for the HTTP layer to wrap and send: a document itself, not a copy (a
   * cached document such as GetBucketEncryption's is answered many times; issue 15), so it must
   * never be written to; a blob range is read into a new array.
   */
  public byte[] sharedBody() {
    return blob == null ? document() : body();
  }

  /** The body as one array, read again from the blob each time; for small documents and tests. */
  public byte[] body() {
    if (blob == null) {
      return document().clone();
    }
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(contentLength));
    blob.forEachSlice(start, start + contentLength, out::put);
    return out.array();
  }

  /**
   * The same status and headers without the body, as a HEAD request is answered. An object's
   * announced size stays; a document's length does not (OSS sends HEAD errors with no length).
   */
  public OssResponse withoutBody() {
    discardBody();
    boolean announcesObject = document == null && stream == null;
    OssResponse copy =
        new OssResponse(status, null, null, 0, null, announcesObject ? contentLength : 0);
    copy.headers.putAll(headers);
    return copy;
  }
}
