package dev.ossemu.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A fault to inject: which requests it matches and what happens to them. This is also the JSON
 * shape of {@code POST /_emulator/faults}.
 *
 * @param id assigned by the emulator; ignored on input
 * @param operation the OSS API name to match, or null for every operation
 * @param bucket the bucket to match, or null for every bucket
 * @param times how many matching requests it affects before it is gone; null for all of them
 * @param probability the chance, 0 to 1, that a matching request is affected; null means 1
 * @param error the OSS error to answer with, or null
 * @param delayMillis how long to hold the answer back, or null
 * @param resetConnection whether to reset the connection instead of answering
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "id",
  "operation",
  "bucket",
  "times",
  "probability",
  "error",
  "delayMillis",
  "resetConnection"
})
public record Fault(
    String id,
    String operation,
    String bucket,
    Integer times,
    Double probability,
    Error error,
    Long delayMillis,
    Boolean resetConnection) {

  /**
   * The OSS error a fault answers with.
   *
   * @param status the HTTP status, 400 to 599
   * @param code the OSS {@code Code}, e.g. {@code ServiceUnavailable}
   * @param message the {@code Message}; a generic one when null
   */
  public record Error(int status, String code, String message) {}

  /** An error fault for one request, the most common case in retry tests. */
  public static Fault once(String operation, int status, String code) {
    return new Fault(null, operation, null, 1, null, new Error(status, code, null), null, null);
  }

  /** Checks the fault makes sense; the message says what is wrong. */
  void validate() {
    boolean delays = delayMillis != null && delayMillis > 0;
    boolean resets = Boolean.TRUE.equals(resetConnection);
    if (error == null && !delays && !resets) {
      throw new IllegalArgumentException(
          "a fault needs an effect: error, delayMillis or resetConnection");
    }
    if (error != null && (error.status() < 400 || error.status() > 599 || isBlank(error.code()))) {
      throw new IllegalArgumentException("error needs a status from 400 to 599 and a code");
    }
    if (times != null && times < 1) {
      throw new IllegalArgumentException("times must be at least 1");
    }
    if (probability != null && (probability < 0 || probability > 1)) {
      throw new IllegalArgumentException("probability must be between 0 and 1");
    }
    if (delayMillis != null && (delayMillis < 0 || delayMillis > 600_000)) {
      throw new IllegalArgumentException("delayMillis must be between 0 and 600000");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  Fault withId(String newId) {
    return new Fault(
        newId, operation, bucket, times, probability, error, delayMillis, resetConnection);
  }
}
