package dev.ossemu.auth;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import dev.ossemu.request.Headers;
import dev.ossemu.request.OssRequest;
import dev.ossemu.request.QueryParameters;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Signature V2 in the Authorization header ({@code OSS2 AccessKeyId:<id>,AdditionalHeaders:<h1;h2>,
 * Signature:<sig>}) and in a presigned URL ({@code x-oss-signature-version=OSS2&x-oss-expires=
 * &x-oss-access-key-id=&x-oss-signature=}), checked like V1: the same clock skew, expiry, key and
 * STS rules, the same SignatureDoesNotMatch details. See {@link SignatureV2} for the rules.
 */
final class V2Verifier {
  private final CredentialResolver credentials;
  private final Clock clock;

  V2Verifier(CredentialResolver credentials, Clock clock) {
    this.credentials = credentials;
    this.clock = clock;
  }

  Principal verifyHeader(OssRequest request, String authorization, String bucket, String key) {
    String accessKeyId = null;
    String additional = "";
    String provided = null;
    for (String field : authorization.substring(SignatureV2.HEADER_PREFIX.length()).split(",")) {
      int colon = field.indexOf(':');
      String name = colon < 0 ? field.trim() : field.substring(0, colon).trim();
      String value = colon < 0 ? "" : field.substring(colon + 1).trim();
      switch (name) {
        case "AccessKeyId" -> accessKeyId = value;
        case "AdditionalHeaders" -> additional = value;
        case "Signature" -> provided = value;
        default -> throw invalidHeader();
      }
    }
    if (accessKeyId == null || accessKeyId.isEmpty() || provided == null || provided.isEmpty()) {
      throw invalidHeader();
    }
    Headers headers = request.headers();
    String date = RequestTime.signedDate(headers, clock).raw();
    Accounts.Credential credential =
        credentials.resolve(accessKeyId, headers.get("x-oss-security-token"));
    List<QueryParameters.Parameter> query = request.query().all();
    return verify(request, bucket, key, date, additional, query, accessKeyId, provided, credential);
  }

  Principal verifyQuery(OssRequest request, String bucket, String key) {
    QueryParameters query = request.query();
    String accessKeyId = query.get("x-oss-access-key-id");
    String expires = query.get("x-oss-expires");
    String provided = query.get("x-oss-signature");
    if (accessKeyId == null || expires == null || provided == null) {
      throw SignatureErrors.denied(
          "Query-string authentication version 2 requires the x-oss-signature, x-oss-expires and"
              + " x-oss-access-key-id parameters",
          null);
    }
    RequestTime.checkExpires(expires, "x-oss-expires", null, clock);
    Accounts.Credential credential = credentials.resolve(accessKeyId, query.get("security-token"));
    List<QueryParameters.Parameter> signed = new ArrayList<>();
    for (QueryParameters.Parameter parameter : query.all()) {
      if (!parameter.name().equals("x-oss-signature")) {
        signed.add(parameter);
      }
    }
    String additional = query.get("x-oss-additional-headers");
    // Base64 has no spaces: a space is a '+' a client forgot to escape.
    return verify(
        request,
        bucket,
        key,
        expires,
        additional == null ? "" : additional,
        signed,
        accessKeyId,
        provided.replace(' ', '+'),
        credential);
  }

  private static Principal verify(
      OssRequest request,
      String bucket,
      String key,
      String date,
      String additionalHeaders,
      List<QueryParameters.Parameter> query,
      String accessKeyId,
      String provided,
      Accounts.Credential credential) {
    List<String> additional = new ArrayList<>();
    for (String name : additionalHeaders.split(";")) {
      if (!name.isBlank()) {
        additional.add(name.trim().toLowerCase(Locale.ROOT));
      }
    }
    String stringToSign =
        SignatureV2.stringToSign(
            request.method(), request.headers(), date, additional, bucket, key, query);
    if (!SignatureErrors.matches(SignatureV2.sign(credential.secret(), stringToSign), provided)) {
      throw SignatureErrors.mismatch(accessKeyId, provided, stringToSign, null, null);
    }
    return new Principal(
        credential.account(), credential.ramUser(), accessKeyId, Principal.SignatureVersion.V2);
  }

  private static OssException invalidHeader() {
    return OssException.of(OssErrorCode.INVALID_ARGUMENT)
        .message("Authorization header is invalid.")
        .build();
  }
}
