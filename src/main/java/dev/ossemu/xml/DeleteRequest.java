package dev.ossemu.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.List;

/** The DeleteMultipleObjects request body {@code <Delete>}. */
@JacksonXmlRootElement(localName = "Delete")
public record DeleteRequest(
    @JacksonXmlProperty(localName = "Quiet") Boolean quiet,
    @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Object")
        List<ObjectToDelete> objects) {

  public static final String ROOT = "Delete";

  /** One key to delete. */
  public record ObjectToDelete(@JacksonXmlProperty(localName = "Key") String key) {}
}
