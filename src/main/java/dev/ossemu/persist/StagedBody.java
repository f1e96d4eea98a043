package dev.ossemu.persist;

import dev.ossemu.blob.Blob;
import dev.ossemu.blob.BlobMd5;
import dev.ossemu.blob.BodySink;
import dev.ossemu.blob.BodyStorage;
import dev.ossemu.blob.Crc64;
import dev.ossemu.blob.StorageLease;
import dev.ossemu.blob.StorageQuota;
import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;

/**
 * An upload written to a temporary file of the data directory as it arrives, checksummed on the
 * way, forced to disk when complete. The store then renames the file into place: the body is never
 * held in memory, and never written twice. Space is reserved on the quota before bytes are taken,
 * so {@code --max-storage} bounds the disk.
 */
final class StagedBody implements BodySink {
  private final DataDirectory data;
  private final Path file;
  private final StorageLease lease;
  private final MessageDigest md5;
  private final Crc64 crc = new Crc64();
  private FileChannel channel;
  private IOException failure;
  private long length;

  StagedBody(DataDirectory data, StorageQuota quota) {
    this.data = data;
    this.file = data.temporaryFile(data.root().resolve("incoming"), "upload");
    this.lease = StorageLease.open(quota);
    this.md5 = BlobMd5.fresh();
  }

  /** Stages each upload in {@code data}; appending blocks on the disk. */
  static BodyStorage storage(DataDirectory data) {
    return new BodyStorage() {
      @Override
      public BodySink open(StorageQuota limit, long expectedLength) {
        return new StagedBody(data, limit);
      }

      @Override
      public boolean blocks() {
        return true;
      }
    };
  }

  @Override
  public void reserve(long bytes) {
    lease.grow(bytes);
  }

  @Override
  public synchronized void append(ByteBuffer bytes) {
    if (failure != null) {
      return; // reported by build()
    }
    try {
      if (channel == null) {
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      }
      md5.update(bytes.duplicate());
      crc.update(bytes);
      int n = bytes.remaining();
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      length += n;
    } catch (IOException e) {
      failure = e;
    }
  }

  @Override
  public synchronized long length() {
    return length;
  }

  @Override
  public synchronized Blob build() {
    try {
      if (failure != null) {
        throw failure;
      }
      if (channel == null) {
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      }
      channel.force(true); // acknowledged only once on disk
      channel.close();
    } catch (IOException e) {
      discard();
      throw OssException.of(OssErrorCode.INSUFFICIENT_STORAGE)
          .message("The upload could not be written to the data directory: " + e.getMessage())
          .build();
    }
    // The reservation counted what was announced chunk by chunk; the body holds exactly this.
    long reserved = lease.bytes();
    if (reserved > length) {
      lease.shrink(reserved - length);
    }
    return new Blob(
        List.of(new Blob.FileSegment(file, length)), length, md5, crc.getValue(), lease);
  }

  @Override
  public synchronized void discard() {
    closeQuietly();
    lease.release();
    close();
  }

  @Override
  public void close() {
    data.delete(file); // a no-op once the store renamed it into place
  }

  private void closeQuietly() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // the file goes anyway
      }
    }
  }
}
