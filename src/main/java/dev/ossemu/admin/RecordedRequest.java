package dev.ossemu.admin;

import dev.ossemu.auth.Redaction;
import java.time.Instant;

/**
 * A request as the journal stores it: plain values, the time as epoch milliseconds, the request
 * target as sent. Turning it into the ISO-8601 {@link JournalEntry}, with the target's signature
 * and token parameters redacted, waits until someone reads the journal, which most runs never do;
 * every other field is as {@link JournalEntry} documents it.
 */
public record RecordedRequest(
    long epochMillis,
    String method,
    String uri,
    String bucket,
    String key,
    String operation,
    String auth,
    String accessKeyId,
    int status,
    String errorCode,
    long durationMicros,
    String stringToSign,
    String canonicalRequest) {

  /** The entry the admin API and {@code OssEmulator.requests()} show. */
  public JournalEntry toEntry() {
    return new JournalEntry(
        Instant.ofEpochMilli(epochMillis).toString(),
        method,
        Redaction.uri(uri),
        bucket,
        key,
        operation,
        auth,
        accessKeyId,
        status,
        errorCode,
        durationMicros,
        stringToSign,
        canonicalRequest);
  }
}
