package dev.ossemu.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** The GetBucketInfo response (spec §6); SDK parsers need every element marked ★ there. */
@JacksonXmlRootElement(localName = "BucketInfo")
public record BucketInfo(@JacksonXmlProperty(localName = "Bucket") Bucket bucket) {

  /** {@code <Bucket>} inside BucketInfo, in the order OSS sends it. */
  @JsonPropertyOrder({
    "AccessMonitor",
    "CreationDate",
    "ExtranetEndpoint",
    "IntranetEndpoint",
    "Location",
    "StorageClass",
    "TransferAcceleration",
    "CrossRegionReplication",
    "Name",
    "ResourceGroupId",
    "Owner",
    "AccessControlList",
    "DataRedundancyType",
    "Comment",
    "ServerSideEncryptionRule",
    "BucketPolicy"
  })
  public record Bucket(
      @JacksonXmlProperty(localName = "AccessMonitor") String accessMonitor,
      @JacksonXmlProperty(localName = "CreationDate") String creationDate,
      @JacksonXmlProperty(localName = "ExtranetEndpoint") String extranetEndpoint,
      @JacksonXmlProperty(localName = "IntranetEndpoint") String intranetEndpoint,
      @JacksonXmlProperty(localName = "Location") String location,
      @JacksonXmlProperty(localName = "StorageClass") String storageClass,
      @JacksonXmlProperty(localName = "TransferAcceleration") String transferAcceleration,
      @JacksonXmlProperty(localName = "CrossRegionReplication") String crossRegionReplication,
      @JacksonXmlProperty(localName = "Name") String name,
      @JacksonXmlProperty(localName = "ResourceGroupId") String resourceGroupId,
      @JacksonXmlProperty(localName = "Owner") Owner owner,
      @JacksonXmlProperty(localName = "AccessControlList")
          AccessControlPolicy.AccessControlList accessControlList,
      @JacksonXmlProperty(localName = "DataRedundancyType") String dataRedundancyType,
      @JacksonXmlProperty(localName = "Comment") String comment,
      @JacksonXmlProperty(localName = "ServerSideEncryptionRule") SseRule serverSideEncryptionRule,
      @JacksonXmlProperty(localName = "BucketPolicy") BucketPolicy bucketPolicy) {}

  /**
   * The encryption rule as BucketInfo shows it: flat, without the
   * ApplyServerSideEncryptionByDefault wrapper, and {@code None} when the bucket has no rule (spec
   * §6).
   */
  @JsonPropertyOrder({"SSEAlgorithm", "KMSMasterKeyID", "KMSDataEncryption"})
  public record SseRule(
      @JacksonXmlProperty(localName = "SSEAlgorithm") String sseAlgorithm,
      @JacksonXmlProperty(localName = "KMSMasterKeyID") String kmsMasterKeyId,
      @JacksonXmlProperty(localName = "KMSDataEncryption") String kmsDataEncryption) {}

  /** Logging settings; always empty here, but JAVA1 and PY read the element. */
  @JsonPropertyOrder({"LogBucket", "LogPrefix"})
  public record BucketPolicy(
      @JacksonXmlProperty(localName = "LogBucket") String logBucket,
      @JacksonXmlProperty(localName = "LogPrefix") String logPrefix) {}
}
