package dev.ossemu.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.List;

/**
 * The answers SDK clean-up code reads on every bucket although the emulator has neither live
 * channels nor versioning: ListLiveChannel, GetBucketVersioning and ListObjectVersions.
 */
public final class Unversioned {
  private Unversioned() {}

  /** ListLiveChannel's response; no channel can exist, so it never lists one. */
  @JacksonXmlRootElement(localName = "ListLiveChannelResult")
  @JsonPropertyOrder({"Prefix", "Marker", "MaxKeys", "IsTruncated", "NextMarker"})
  public record ListLiveChannelResult(
      @JacksonXmlProperty(localName = "Prefix") String prefix,
      @JacksonXmlProperty(localName = "Marker") String marker,
      @JacksonXmlProperty(localName = "MaxKeys") int maxKeys,
      @JacksonXmlProperty(localName = "IsTruncated") boolean isTruncated,
      @JacksonXmlProperty(localName = "NextMarker") String nextMarker) {}

  /** GetBucketVersioning's response: without a Status for a bucket never versioned. */
  @JacksonXmlRootElement(localName = "VersioningConfiguration")
  public record VersioningConfiguration(@JacksonXmlProperty(localName = "Status") String status) {}

  /** ListObjectVersions' response. */
  @JacksonXmlRootElement(localName = "ListVersionsResult")
  @JsonPropertyOrder({
    "Name",
    "Prefix",
    "KeyMarker",
    "VersionIdMarker",
    "MaxKeys",
    "Delimiter",
    "EncodingType",
    "IsTruncated",
    "NextKeyMarker",
    "NextVersionIdMarker",
    "Version",
    "CommonPrefixes"
  })
  public record ListVersionsResult(
      @JacksonXmlProperty(localName = "Name") String name,
      @JacksonXmlProperty(localName = "Prefix") String prefix,
      @JacksonXmlProperty(localName = "KeyMarker") String keyMarker,
      @JacksonXmlProperty(localName = "VersionIdMarker") String versionIdMarker,
      @JacksonXmlProperty(localName = "MaxKeys") int maxKeys,
      @JacksonXmlProperty(localName = "Delimiter") String delimiter,
      @JacksonXmlProperty(localName = "EncodingType") String encodingType,
      @JacksonXmlProperty(localName = "IsTruncated") boolean isTruncated,
      @JacksonXmlProperty(localName = "NextKeyMarker") String nextKeyMarker,
      @JacksonXmlProperty(localName = "NextVersionIdMarker") String nextVersionIdMarker,
      @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Version")
          List<Version> versions,
      @JacksonXmlElementWrapper(useWrapping = false)
          @JacksonXmlProperty(localName = "CommonPrefixes")
          List<ListBucketResult.CommonPrefix> commonPrefixes) {}

  /** One object version; in an unversioned bucket the current object, version id {@code null}. */
  @JsonPropertyOrder({
    "Key",
    "VersionId",
    "IsLatest",
    "LastModified",
    "ETag",
    "Type",
    "Size",
    "StorageClass",
    "Owner"
  })
  public record Version(
      @JacksonXmlProperty(localName = "Key") String key,
      @JacksonXmlProperty(localName = "VersionId") String versionId,
      @JacksonXmlProperty(localName = "IsLatest") boolean isLatest,
      @JacksonXmlProperty(localName = "LastModified") String lastModified,
      @JacksonXmlProperty(localName = "ETag") String etag,
      @JacksonXmlProperty(localName = "Type") String type,
      @JacksonXmlProperty(localName = "Size") long size,
      @JacksonXmlProperty(localName = "StorageClass") String storageClass,
      @JacksonXmlProperty(localName = "Owner") Owner owner) {}
}
