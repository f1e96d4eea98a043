package dev.ossemu.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ossemu.auth.Accounts;
import dev.ossemu.auth.StsCredentials;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /_emulator/sts/credentials}: temporary credentials for a RAM user, in the shape of
 * STS AssumeRole's answer, so that tests exercise their SDK's STS credential provider.
 */
final class StsEndpoint {
  /** STS AssumeRole's limits: 900 to 43200 seconds; the emulator allows from 1 to see expiry. */
  static final int MIN_SECONDS = 1;

  static final int MAX_SECONDS = 43_200;
  static final int DEFAULT_SECONDS = 3_600;

  /**
   * The request body.
   *
   * @param ramUser {@code account/user}
   * @param durationSeconds how long the credentials last, default 3600
   */
  record Request(
      @JsonProperty("ramUser") String ramUser,
      @JsonProperty("durationSeconds") Integer durationSeconds) {}

  private final Accounts accounts;
  private final StsCredentials sts;
  private final Clock clock;

  StsEndpoint(Accounts accounts, StsCredentials sts, Clock clock) {
    this.accounts = accounts;
    this.sts = sts;
    this.clock = clock;
  }

  /**
   * Issues credentials.
   *
   * @throws IllegalArgumentException for an unknown RAM user or a duration out of range
   */
  Map<String, Object> issue(Request request, String requestId) {
    if (request.ramUser() == null) {
      throw new IllegalArgumentException("ramUser is required, as \"account/user\"");
    }
    Accounts.Credential user =
        accounts
            .ramUser(request.ramUser())
            .orElseThrow(() -> new IllegalArgumentException("no RAM user " + request.ramUser()));
    int seconds = request.durationSeconds() == null ? DEFAULT_SECONDS : request.durationSeconds();
    if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
      throw new IllegalArgumentException("durationSeconds must be between 1 and 43200");
    }
    Instant expiration = clock.instant().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
    StsCredentials.Temporary issued = sts.issue(user.account(), user.ramUser(), expiration);
    Map<String, Object> credentials = new LinkedHashMap<>();
    credentials.put("AccessKeyId", issued.accessKeyId());
    credentials.put("AccessKeySecret", issued.secret());
    credentials.put("SecurityToken", issued.securityToken());
    credentials.put("Expiration", expiration.toString());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("RequestId", requestId);
    body.put("Credentials", credentials);
    return body;
  }
}
