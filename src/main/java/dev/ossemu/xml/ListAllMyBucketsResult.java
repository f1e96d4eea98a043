package dev.ossemu.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.List;

/** The ListBuckets response (spec §7). {@code NextMarker} is present only when truncated. */
@JacksonXmlRootElement(localName = "ListAllMyBucketsResult")
@JsonPropertyOrder({"Prefix", "Marker", "MaxKeys", "IsTruncated", "NextMarker", "Owner", "Buckets"})
public record ListAllMyBucketsResult(
    @JacksonXmlProperty(localName = "Prefix") String prefix,
    @JacksonXmlProperty(localName = "Marker") String marker,
    @JacksonXmlProperty(localName = "MaxKeys") int maxKeys,
    @JacksonXmlProperty(localName = "IsTruncated") boolean isTruncated,
    @JacksonXmlProperty(localName = "NextMarker") String nextMarker,
    @JacksonXmlProperty(localName = "Owner") Owner owner,
    @JacksonXmlElementWrapper(localName = "Buckets") @JacksonXmlProperty(localName = "Bucket")
        List<BucketSummary> buckets) {

  /** One {@code <Bucket>}; PY requires every element but Region and ResourceGroupId. */
  @JsonPropertyOrder({
    "CreationDate",
    "ExtranetEndpoint",
    "IntranetEndpoint",
    "Location",
    "Name",
    "Region",
    "StorageClass",
    "ResourceGroupId"
  })
  public record BucketSummary(
      @JacksonXmlProperty(localName = "CreationDate") String creationDate,
      @JacksonXmlProperty(localName = "ExtranetEndpoint") String extranetEndpoint,
      @JacksonXmlProperty(localName = "IntranetEndpoint") String intranetEndpoint,
      @JacksonXmlProperty(localName = "Location") String location,
      @JacksonXmlProperty(localName = "Name") String name,
      @JacksonXmlProperty(localName = "Region") String region,
      @JacksonXmlProperty(localName = "StorageClass") String storageClass,
      @JacksonXmlProperty(localName = "ResourceGroupId") String resourceGroupId) {}
}
