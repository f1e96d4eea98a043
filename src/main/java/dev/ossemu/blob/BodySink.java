package dev.ossemu.blob;

import java.nio.ByteBuffer;

/**
 * Where an upload's bytes go while they arrive: memory chunks ({@link BlobBuilder}) or a staged
 * data file. Space is reserved before bytes are taken, so the storage bound refuses an upload
 * before memory or disk is used.
 */
public interface BodySink {
  /**
   * Reserves room for {@code bytes} more bytes ahead of {@link #append}, where the caller must not
   * wait (the event loop).
   *
   * @throws dev.ossemu.error.OssException InsufficientStorage when the bound would be passed
   */
  void reserve(long bytes);

  /** Takes bytes (a data file is written here: call off the event loop for a blocking sink). */
  void append(ByteBuffer bytes);

  /** The bytes taken so far. */
  long length();

  /**
   * The body, durable if the sink is a file; its lease's one reference passes to the caller.
   *
   * @throws dev.ossemu.error.OssException when the bytes could not be kept (disk full)
   */
  Blob build();

  /** Gives the reservation back and drops the bytes of an upload that was refused or abandoned. */
  void discard();

  /** After the request is answered: removes a staged file the store did not take. */
  default void close() {}
}
