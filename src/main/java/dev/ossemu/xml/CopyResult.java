package dev.ossemu.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** The CopyObject response ({@code CopyObjectResult}); UploadPartCopy uses {@link Part}. */
@JacksonXmlRootElement(localName = "CopyObjectResult")
@JsonPropertyOrder({"LastModified", "ETag"})
public record CopyResult(
    @JacksonXmlProperty(localName = "LastModified") String lastModified,
    @JacksonXmlProperty(localName = "ETag") String etag) {

  /** The UploadPartCopy response: the same fields under {@code CopyPartResult}. */
  @JacksonXmlRootElement(localName = "CopyPartResult")
  @JsonPropertyOrder({"LastModified", "ETag"})
  public record Part(
      @JacksonXmlProperty(localName = "LastModified") String lastModified,
      @JacksonXmlProperty(localName = "ETag") String etag) {}
}
