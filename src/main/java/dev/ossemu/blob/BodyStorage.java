package dev.ossemu.blob;

/** Makes the {@link BodySink}s uploads are written into: memory, or data files. */
public interface BodyStorage {
  /** Bodies kept in memory chunks. */
  BodyStorage MEMORY =
      new BodyStorage() {
        @Override
        public BodySink open(StorageQuota quota, long expectedLength) {
          return new BlobBuilder(quota, expectedLength);
        }

        @Override
        public boolean blocks() {
          return false;
        }
      };

  /**
   * A sink for one upload body.
   *
   * @param quota where its bytes are reserved
   * @param expectedLength the announced length, or -1
   */
  BodySink open(StorageQuota quota, long expectedLength);

  /** Whether appending blocks on a disk, so it must run on a storage thread. */
  boolean blocks();
}
