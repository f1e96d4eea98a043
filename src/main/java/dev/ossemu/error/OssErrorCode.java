package dev.ossemu.error;

/**
 * Every OSS error the emulator can answer with: the wire {@code Code}, the HTTP status, the default
 * {@code Message} and the {@code EC} (spec §9.3). Codes are written out, never derived from the
 * constant names, because OSS spells them inconsistently ({@code MalformedXML}, {@code
 * InvalidEncryptionAlgorithmError}).
 */
public enum OssErrorCode {
  NO_SUCH_BUCKET("NoSuchBucket", 404, "The specified bucket does not exist.", "0015-00000101"),
  BUCKET_ALREADY_EXISTS(
      "BucketAlreadyExists",
      409,
      "The requested bucket name is not available. The bucket namespace is shared by all users of"
          + " the system. Please select a different name and try again.",
      "0015-00000104"),
  BUCKET_NOT_EMPTY(
      "BucketNotEmpty", 409, "The bucket has objects. Please delete them first.", "0015-00000301"),
  NO_SUCH_KEY("NoSuchKey", 404, "The specified key does not exist.", "0026-00000001"),
  NO_SUCH_UPLOAD(
      "NoSuchUpload",
      404,
      "The specified upload does not exist. The upload ID may be invalid, or the upload may have"
          + " been aborted or completed.",
      "0042-00000002"),
  // DOC EC page 0016-00000005: a name starting with / or \; the other rules have their own ECs.
  INVALID_OBJECT_NAME(
      "InvalidObjectName", 400, "The specified object is not valid.", "0016-00000005"),
  INVALID_PART(
      "InvalidPart",
      400,
      "One or more of the specified parts could not be found or the specified entity tag might"
          + " not have matched the part's entity tag.",
      null),
  INVALID_PART_ORDER(
      "InvalidPartOrder",
      400,
      "The list of parts was not in ascending order. Parts list must specified in order by part"
          + " number.",
      "0042-00000209"), // DOC EC page 0042-00000209 (CompleteMultipartUpload)
  ENTITY_TOO_SMALL(
      "EntityTooSmall",
      400,
      "Your proposed upload smaller than the minimum allowed size.",
      "0042-00000213"), // DOC EC page 0042-00000213 (CompleteMultipartUpload)
  INVALID_RANGE("InvalidRange", 416, "The requested range cannot be satisfied.", null),
  PRECONDITION_FAILED(
      "PreconditionFailed",
      412,
      "At least one of the pre-conditions you specified did not hold.",
      null),
  POSITION_NOT_EQUAL_TO_LENGTH(
      "PositionNotEqualToLength", 409, "Position is not equal to file length", "0026-00000016"),
  OBJECT_NOT_APPENDABLE(
      "ObjectNotAppendable",
      409,
      "The operation is not valid for the object.",
      "0026-00000017"), // DOC EC page 0026-00000017 (AppendObject on a non-appendable object)
  FILE_ALREADY_EXISTS(
      "FileAlreadyExists",
      409,
      "The object you specified already exists and can not be overwritten.",
      // DOC EC page 0026-00000002: PutObject or CopyObject under x-oss-forbid-overwrite (409
      // FileAlreadyExists); CompleteMultipartUpload has its own, 0042-00000214.
      "0026-00000002"),
  INSUFFICIENT_STORAGE(
      "InsufficientStorage", 507, "The emulator's object storage limit is reached.", null),
  INVALID_BUCKET_NAME(
      "InvalidBucketName", 400, "The specified bucket is not valid.", "0015-00000001"),
  INVALID_LOCATION_CONSTRAINT(
      "InvalidLocationConstraint", 400, "The specified location-constraint is not valid.", null),
  TOO_MANY_BUCKETS(
      "TooManyBuckets",
      400,
      "You have attempted to create more buckets than allowed.",
      "0015-00000002"),
  // spec §2: the message text is UNCONFIRMED; this is the spec's suggested wording.
  NO_SUCH_SERVER_SIDE_ENCRYPTION_RULE(
      "NoSuchServerSideEncryptionRule",
      404,
      "The bucket has no server side encryption rule.",
      "0005-00000004"),
  INVALID_ENCRYPTION_ALGORITHM(
      "InvalidEncryptionAlgorithmError",
      400,
      "The Encryption request you specified is not valid. Supported value: AES256/SM4/KMS.",
      "0005-00000003"),
  INVALID_DATA_ENCRYPTION_ALGORITHM(
      "InvalidDataEncryptionAlgorithmError",
      400,
      "The KMS Data Encryption request you specified is not valid. Supported value:SM4",
      null),
  INVALID_ARGUMENT("InvalidArgument", 400, "Invalid Argument.", null),
  MISSING_ARGUMENT("MissingArgument", 400, "Missing Some Required Arguments.", "0016-00000502"),
  MALFORMED_XML(
      "MalformedXML",
      400,
      "The XML you provided was not well-formed or did not validate against our published schema.",
      null),
  INVALID_DIGEST("InvalidDigest", 400, "The Content-MD5 you specified was invalid.", null),
  ENTITY_TOO_LARGE(
      "EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed size.", null),
  INVALID_REQUEST("InvalidRequest", 400, "The request is not a valid HTTP request.", null),
  ACCESS_DENIED("AccessDenied", 403, "AccessDenied", "0003-00000001"),
  INVALID_ACCESS_KEY_ID(
      "InvalidAccessKeyId",
      403,
      "The OSS Access Key Id you provided does not exist in our records.",
      "0002-00000902"),
  // The codes of the two STS errors below are OSS's error names as SDK users meet them; the ECs
  // are from the DOC EC pages 0002-00000006 (token invalid) and 0002-00000007 (token expired).
  INVALID_SECURITY_TOKEN(
      "InvalidSecurityToken", 403, "The security token you provided is invalid.", "0002-00000006"),
  SECURITY_TOKEN_EXPIRED(
      "SecurityTokenExpired", 403, "The security token you provided has expired.", "0002-00000007"),
  SIGNATURE_DOES_NOT_MATCH(
      "SignatureDoesNotMatch",
      403,
      "The request signature we calculated does not match the signature you provided. Check your"
          + " key and signing method.",
      "0002-00000040"),
  REQUEST_TIME_TOO_SKEWED(
      "RequestTimeTooSkewed",
      403,
      "The difference between the request time and the current time is too large.",
      "0002-00000504"),
  METHOD_NOT_ALLOWED(
      "MethodNotAllowed",
      405,
      "The specified method is not allowed against this resource.",
      "0003-00000016"),
  NOT_IMPLEMENTED(
      "NotImplemented", 501, "The requested operation is not implemented by oss-emulator.", null),
  // Connection-level answers. The OSS spec documents none of them: RequestTimeout and SlowDown are
  // the codes and messages S3 uses (SDKs retry SlowDown), the statuses those of RFC 9110.
  REQUEST_TIMEOUT(
      "RequestTimeout",
      400,
      "Your socket connection to the server was not read from or written to within the timeout"
          + " period.",
      null),
  /** spec §9.3: OSS's answer to a header it does not implement, with a {@code Header} element. */
  HEADER_NOT_IMPLEMENTED(
      "NotImplemented",
      400,
      "A header you provided implies functionality that is not implemented.",
      null),
  SLOW_DOWN("SlowDown", 503, "Please reduce your request rate.", null),
  EXPECTATION_FAILED(
      "ExpectationFailed", 417, "The Expect header of the request cannot be met.", null),
  HTTP_VERSION_NOT_SUPPORTED(
      "HttpVersionNotSupported", 505, "Only HTTP/1.0 and HTTP/1.1 are supported.", null),
  /** A fault injected through the admin API; its code and status are the user's. */
  INJECTED("InjectedError", 500, "An error injected by oss-emulator's fault API.", null),
  INTERNAL_ERROR("InternalError", 500, "We encountered an internal error. Please try again.", null);

  private final String code;
  private final int status;
  private final String defaultMessage;
  private final String ec;

  OssErrorCode(String code, int status, String defaultMessage, String ec) {
    this.code = code;
    this.status = status;
    this.defaultMessage = defaultMessage;
    this.ec = ec;
  }

  /** The {@code Code} element as OSS spells it. */
  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  public String defaultMessage() {
    return defaultMessage;
  }

  /** The default {@code EC}, or null where the spec found none. */
  public String ec() {
    return ec;
  }
}
