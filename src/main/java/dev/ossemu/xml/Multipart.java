package dev.ossemu.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.List;

/** The documents of multipart upload. */
public final class Multipart {
  private Multipart() {}

  /** InitiateMultipartUpload's response. */
  @JacksonXmlRootElement(localName = "InitiateMultipartUploadResult")
  @JsonPropertyOrder({"Bucket", "Key", "UploadId"})
  public record InitiateResult(
      @JacksonXmlProperty(localName = "Bucket") String bucket,
      @JacksonXmlProperty(localName = "Key") String key,
      @JacksonXmlProperty(localName = "UploadId") String uploadId) {}

  /** CompleteMultipartUpload's request body. */
  @JacksonXmlRootElement(localName = "CompleteMultipartUpload")
  public record Complete(
      @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Part")
          List<CompletePart> parts) {
    public static final String ROOT = "CompleteMultipartUpload";
  }

  /** One part of the completion list. */
  public record CompletePart(
      @JacksonXmlProperty(localName = "PartNumber") Integer partNumber,
      @JacksonXmlProperty(localName = "ETag") String etag) {}

  /** CompleteMultipartUpload's response. */
  @JacksonXmlRootElement(localName = "CompleteMultipartUploadResult")
  @JsonPropertyOrder({"EncodingType", "Location", "Bucket", "Key", "ETag"})
  public record CompleteResult(
      @JacksonXmlProperty(localName = "EncodingType") String encodingType,
      @JacksonXmlProperty(localName = "Location") String location,
      @JacksonXmlProperty(localName = "Bucket") String bucket,
      @JacksonXmlProperty(localName = "Key") String key,
      @JacksonXmlProperty(localName = "ETag") String etag) {}

  /** ListParts' response. */
  @JacksonXmlRootElement(localName = "ListPartsResult")
  @JsonPropertyOrder({
    "Bucket",
    "Key",
    "UploadId",
    "PartNumberMarker",
    "NextPartNumberMarker",
    "MaxParts",
    "IsTruncated",
    "Part"
  })
  public record ListPartsResult(
      @JacksonXmlProperty(localName = "Bucket") String bucket,
      @JacksonXmlProperty(localName = "Key") String key,
      @JacksonXmlProperty(localName = "UploadId") String uploadId,
      @JacksonXmlProperty(localName = "PartNumberMarker") int partNumberMarker,
      @JacksonXmlProperty(localName = "NextPartNumberMarker") String nextPartNumberMarker,
      @JacksonXmlProperty(localName = "MaxParts") int maxParts,
      @JacksonXmlProperty(localName = "IsTruncated") boolean isTruncated,
      @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Part")
          List<PartInfo> parts) {}

  /** One uploaded part. */
  @JsonPropertyOrder({"PartNumber", "LastModified", "ETag", "HashCrc64ecma", "Size"})
  public record PartInfo(
      @JacksonXmlProperty(localName = "PartNumber") int partNumber,
      @JacksonXmlProperty(localName = "LastModified") String lastModified,
      @JacksonXmlProperty(localName = "ETag") String etag,
      @JacksonXmlProperty(localName = "HashCrc64ecma") String hashCrc64ecma,
      @JacksonXmlProperty(localName = "Size") long size) {}

  /** ListMultipartUploads' response. */
  @JacksonXmlRootElement(localName = "ListMultipartUploadsResult")
  @JsonPropertyOrder({
    "Bucket",
    "KeyMarker",
    "UploadIdMarker",
    "NextKeyMarker",
    "NextUploadIdMarker",
    "Delimiter",
    "Prefix",
    "MaxUploads",
    "IsTruncated",
    "Upload",
    "CommonPrefixes"
  })
  public record ListUploadsResult(
      @JacksonXmlProperty(localName = "Bucket") String bucket,
      @JacksonXmlProperty(localName = "KeyMarker") String keyMarker,
      @JacksonXmlProperty(localName = "UploadIdMarker") String uploadIdMarker,
      @JacksonXmlProperty(localName = "NextKeyMarker") String nextKeyMarker,
      @JacksonXmlProperty(localName = "NextUploadIdMarker") String nextUploadIdMarker,
      @JacksonXmlProperty(localName = "Delimiter") String delimiter,
      @JacksonXmlProperty(localName = "Prefix") String prefix,
      @JacksonXmlProperty(localName = "MaxUploads") int maxUploads,
      @JacksonXmlProperty(localName = "IsTruncated") boolean isTruncated,
      @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Upload")
          List<UploadInfo> uploads,
      @JacksonXmlElementWrapper(useWrapping = false)
          @JacksonXmlProperty(localName = "CommonPrefixes")
          List<ListBucketResult.CommonPrefix> commonPrefixes) {}

  /** One upload in progress. */
  @JsonPropertyOrder({"Key", "UploadId", "Initiated"})
  public record UploadInfo(
      @JacksonXmlProperty(localName = "Key") String key,
      @JacksonXmlProperty(localName = "UploadId") String uploadId,
      @JacksonXmlProperty(localName = "Initiated") String initiated) {}
}
