package dev.ossemu.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** The {@code <Owner>} element of ListBuckets, GetBucketAcl and GetBucketInfo (spec §6–8). */
@JsonPropertyOrder({"ID", "DisplayName"})
public record Owner(
    @JacksonXmlProperty(localName = "ID") String id,
    @JacksonXmlProperty(localName = "DisplayName") String displayName) {}
