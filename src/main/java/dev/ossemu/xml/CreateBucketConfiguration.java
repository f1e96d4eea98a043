package dev.ossemu.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The optional body of PutBucket (spec §4). JAVA1 may also send {@code XCType}; that and any other
 * unknown children are ignored. {@code LocationConstraint} must name the emulator's region.
 */
@JacksonXmlRootElement(localName = "CreateBucketConfiguration")
public record CreateBucketConfiguration(
    @JacksonXmlProperty(localName = "StorageClass") String storageClass,
    @JacksonXmlProperty(localName = "DataRedundancyType") String dataRedundancyType,
    @JacksonXmlProperty(localName = "LocationConstraint") String locationConstraint) {

  /** The root element name, which the reader checks before mapping. */
  public static final String ROOT = "CreateBucketConfiguration";
}
