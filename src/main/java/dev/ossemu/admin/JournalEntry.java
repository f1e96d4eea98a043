package dev.ossemu.admin;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One request as the journal remembers it. Never a secret: for a signature failure it keeps what
 * the server expected to be signed, which is what a user needs to debug a client, with signatures
 * and STS tokens (in the URI, StringToSign and canonical request) replaced by {@code REDACTED}.
 *
 * @param time when the request arrived, ISO-8601 UTC
 * @param method the HTTP method
 * @param uri the request target as sent, its signature and token parameters redacted
 * @param bucket the bucket addressed, or null
 * @param key the object key addressed, or null
 * @param operation the OSS API name, e.g. {@code PutBucketEncryption}, or null when unrouted
 * @param auth {@code V1}, {@code V2}, {@code V4} or {@code anonymous}; null when the signature
 *     failed
 * @param accessKeyId the access key that signed, or null
 * @param status the HTTP status answered
 * @param errorCode the OSS error code answered, or null
 * @param durationMicros how long the emulator took
 * @param stringToSign for SignatureDoesNotMatch, the server's StringToSign
 * @param canonicalRequest for a V4 SignatureDoesNotMatch, the server's canonical request
 */
@JsonPropertyOrder({
  "time",
  "method",
  "uri",
  "bucket",
  "key",
  "operation",
  "auth",
  "accessKeyId",
  "status",
  "errorCode",
  "durationMicros",
  "stringToSign",
  "canonicalRequest"
})
public record JournalEntry(
    String time,
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
    String canonicalRequest) {}
