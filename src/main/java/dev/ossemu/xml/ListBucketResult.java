package dev.ossemu.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.List;

/**
 * The ListObjects (V1) and ListObjectsV2 response; each version leaves the other's elements null,
 * and null elements are not written.
 */
@JacksonXmlRootElement(localName = "ListBucketResult")
@JsonPropertyOrder({
  "Name",
  "Prefix",
  "Marker",
  "ContinuationToken",
  "StartAfter",
  "MaxKeys",
  "Delimiter",
  "EncodingType",
  "IsTruncated",
  "NextMarker",
  "NextContinuationToken",
  "KeyCount",
  "Contents",
  "CommonPrefixes"
})
public record ListBucketResult(
    @JacksonXmlProperty(localName = "Name") String name,
    @JacksonXmlProperty(localName = "Prefix") String prefix,
    @JacksonXmlProperty(localName = "Marker") String marker,
    @JacksonXmlProperty(localName = "ContinuationToken") String continuationToken,
    @JacksonXmlProperty(localName = "StartAfter") String startAfter,
    @JacksonXmlProperty(localName = "MaxKeys") int maxKeys,
    @JacksonXmlProperty(localName = "Delimiter") String delimiter,
    @JacksonXmlProperty(localName = "EncodingType") String encodingType,
    @JacksonXmlProperty(localName = "IsTruncated") boolean isTruncated,
    @JacksonXmlProperty(localName = "NextMarker") String nextMarker,
    @JacksonXmlProperty(localName = "NextContinuationToken") String nextContinuationToken,
    @JacksonXmlProperty(localName = "KeyCount") Integer keyCount,
    @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Contents")
        List<Contents> contents,
    @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "CommonPrefixes")
        List<CommonPrefix> commonPrefixes) {

  /** One object in a listing. */
  @JsonPropertyOrder({"Key", "LastModified", "ETag", "Type", "Size", "StorageClass", "Owner"})
  public record Contents(
      @JacksonXmlProperty(localName = "Key") String key,
      @JacksonXmlProperty(localName = "LastModified") String lastModified,
      @JacksonXmlProperty(localName = "ETag") String etag,
      @JacksonXmlProperty(localName = "Type") String type,
      @JacksonXmlProperty(localName = "Size") long size,
      @JacksonXmlProperty(localName = "StorageClass") String storageClass,
      @JacksonXmlProperty(localName = "Owner") Owner owner) {}

  /** A "directory" rolled up by the delimiter. */
  public record CommonPrefix(@JacksonXmlProperty(localName = "Prefix") String prefix) {}
}
