package dev.ossemu.object;

import dev.ossemu.blob.Blob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A multipart upload in progress: the object it will become (key, headers, encryption fixed at
 * Initiate) and the parts uploaded so far.
 */
public final class MultipartUpload {
  /**
   * One uploaded part.
   *
   * @param partNumber 1 to 10000
   * @param blob its body
   * @param lastModified when it was uploaded
   */
  public record Part(int partNumber, Blob blob, Instant lastModified) {
    public String etag() {
      return blob.etag();
    }
  }

  private final String uploadId;
  private final OssObject template;
  private final Instant initiated;
  private final ConcurrentSkipListMap<Integer, Part> parts = new ConcurrentSkipListMap<>();

  /**
   * @param template the object to create on completion, with an empty body
   */
  public MultipartUpload(String uploadId, OssObject template, Instant initiated) {
    this.uploadId = uploadId;
    this.template = template;
    this.initiated = initiated;
  }

  public String uploadId() {
    return uploadId;
  }

  public String key() {
    return template.key();
  }

  public OssObject template() {
    return template;
  }

  public Instant initiated() {
    return initiated;
  }

  /** Stores a part, returning the one it replaces, or null. */
  public Part putPart(Part part) {
    return parts.put(part.partNumber(), part);
  }

  public Part part(int partNumber) {
    return parts.get(partNumber);
  }

  /** The parts in part-number order. */
  public List<Part> parts() {
    return new ArrayList<>(parts.values());
  }
}
