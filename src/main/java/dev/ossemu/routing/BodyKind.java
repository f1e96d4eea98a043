package dev.ossemu.routing;

/** How a request's body is taken in, decided from its method and target before it arrives. */
public enum BodyKind {
  /** A small document (bucket configuration): bounded by the configured body limit. */
  DOCUMENT,
  /** A document that may list many entries (DeleteMultipleObjects, CompleteMultipartUpload). */
  LARGE_DOCUMENT,
  /** An object body: stored chunk by chunk as it arrives, bounded by the storage quota. */
  UPLOAD
}
