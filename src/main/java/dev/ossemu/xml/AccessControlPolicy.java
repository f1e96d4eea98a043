package dev.ossemu.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** The GetBucketAcl response; JAVA1 requires both Owner and AccessControlList (spec §8). */
@JacksonXmlRootElement(localName = "AccessControlPolicy")
@JsonPropertyOrder({"Owner", "AccessControlList"})
public record AccessControlPolicy(
    @JacksonXmlProperty(localName = "Owner") Owner owner,
    @JacksonXmlProperty(localName = "AccessControlList") AccessControlList accessControlList) {

  /** The {@code <AccessControlList>} element, also part of BucketInfo. */
  public record AccessControlList(@JacksonXmlProperty(localName = "Grant") String grant) {}
}
