package dev.ossemu.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one error type of the emulator: an OSS error code, its message, an optional EC that differs
 * from the code's default, and code-specific extra elements kept in the caller's order because they
 * become sibling elements of {@code <Error>} (spec §9.2). Built through the factory methods so that
 * every use site reads like the OSS error it answers with. Never shared as a static instance.
 */
public final class OssException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final OssErrorCode errorCode;
  private final String code;
  private final int status;
  private final String ec;
  private final transient Map<String, String> extras;
  private final transient Map<String, String> headers;

  private OssException(Builder builder) {
    super(builder.message, null, false, false);
    this.errorCode = builder.errorCode;
    this.code = builder.code;
    this.status = builder.status;
    this.ec = builder.ec;
    this.extras = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extras));
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
  }

  public static Builder of(OssErrorCode errorCode) {
    return new Builder(errorCode);
  }

  public static OssException noSuchBucket(String bucket) {
    return of(OssErrorCode.NO_SUCH_BUCKET).extra("BucketName", bucket).build();
  }

  public static OssException malformedXml() {
    return of(OssErrorCode.MALFORMED_XML).build();
  }

  /**
   * Reads a request document; a MalformedXML from it carries {@code ec}, because OSS's EC for an
   * unreadable document names the operation.
   */
  public static <T> T withMalformedXmlEc(java.util.function.Supplier<T> read, String ec) {
    try {
      return read.get();
    } catch (OssException e) {
      if (e.code().equals(OssErrorCode.MALFORMED_XML.code())) {
        throw of(OssErrorCode.MALFORMED_XML).ec(ec).build();
      }
      throw e;
    }
  }

  public static OssException accessDenied(String message) {
    return of(OssErrorCode.ACCESS_DENIED).message(message).build();
  }

  /** spec §9.3: InvalidArgument names the offending argument and its value. */
  public static OssException invalidArgument(String message, String name, String value) {
    return of(OssErrorCode.INVALID_ARGUMENT)
        .message(message)
        .extra("ArgumentName", name)
        .extra("ArgumentValue", value == null ? "" : value)
        .build();
  }

  /** The error this is, or {@link OssErrorCode#INJECTED} for a fault a user asked for. */
  public OssErrorCode errorCode() {
    return errorCode;
  }

  /**
   * An error a user injected through the admin API: any status and code, rendered like every other
   * OSS error so that clients parse it as they would a real one.
   */
  public static OssException injected(int status, String code, String message) {
    Builder builder = of(OssErrorCode.INJECTED).message(message).ec(null);
    builder.code = code;
    builder.status = status;
    return builder.build();
  }

  /** The {@code Code} element. */
  public String code() {
    return code;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The EC to report, or null when none is known. */
  public String ec() {
    return ec;
  }

  /** Extra elements after {@code HostId}, in order. */
  public Map<String, String> extras() {
    return extras;
  }

  /** Extra response headers this error needs (e.g. {@code Allow} on MethodNotAllowed). */
  public Map<String, String> headers() {
    return headers;
  }

  /** Fluent construction of an {@link OssException}. */
  public static final class Builder {
    private final OssErrorCode errorCode;
    private String code;
    private int status;
    private String message;
    private String ec;
    private final Map<String, String> extras = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder(OssErrorCode errorCode) {
      this.errorCode = errorCode;
      this.code = errorCode.code();
      this.status = errorCode.status();
      this.message = errorCode.defaultMessage();
      this.ec = errorCode.ec();
    }

    public Builder message(String message) {
      this.message = message;
      return this;
    }

    public Builder ec(String ec) {
      this.ec = ec;
      return this;
    }

    public Builder extra(String element, String value) {
      extras.put(element, value);
      return this;
    }

    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public OssException build() {
      return new OssException(this);
    }
  }
}
