package dev.ossemu.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.List;

/** The DeleteMultipleObjects response; quiet mode lists nothing. */
@JacksonXmlRootElement(localName = "DeleteResult")
@JsonPropertyOrder({"EncodingType", "Deleted"})
public record DeleteResult(
    @JacksonXmlProperty(localName = "EncodingType") String encodingType,
    @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Deleted")
        List<Deleted> deleted) {

  /** One deleted key. */
  public record Deleted(@JacksonXmlProperty(localName = "Key") String key) {}
}
