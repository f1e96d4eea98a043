package dev.ossemu.bench;

import dev.ossemu.auth.Account;
import dev.ossemu.auth.Accounts;
import dev.ossemu.auth.Authenticator;
import dev.ossemu.auth.Principal;
import dev.ossemu.auth.SignatureV1;
import dev.ossemu.auth.SignatureV4;
import dev.ossemu.request.Headers;
import dev.ossemu.request.OssRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The whole signature check of a GetBucketEncryption, V1 and V4 header-signed (spec §10.1, §10.3).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SignatureBench {
  private static final String V1_DATE = "Wed, 28 Dec 2022 10:27:41 GMT";
  private static final String V4_DATE = "20221228T102741Z";

  private Authenticator authenticator;
  private OssRequest v1;
  private OssRequest v4;

  @Setup
  public void setUp() {
    Clock clock = Clock.fixed(Instant.parse("2022-12-28T10:27:41Z"), ZoneOffset.UTC);
    authenticator =
        new Authenticator(new Accounts(List.of(Account.of("ak", "sk"))), "cn-hangzhou", clock);
    String v1Signature =
        SignatureV1.sign("sk", "GET\n\n\n" + V1_DATE + "\n/bench-bucket/?encryption");
    v1 = request(new Headers().add("Date", V1_DATE).add("Authorization", "OSS ak:" + v1Signature));
    Headers headers =
        new Headers()
            .add("x-oss-date", V4_DATE)
            .add("x-oss-content-sha256", SignatureV4.UNSIGNED_PAYLOAD)
            .add("Host", "127.0.0.1:9000");
    OssRequest unsigned = request(headers);
    String canonical =
        SignatureV4.canonicalRequest(
            "GET",
            "bench-bucket",
            "",
            unsigned.query().all(),
            headers,
            List.of(),
            SignatureV4.UNSIGNED_PAYLOAD);
    String scope = SignatureV4.scope("20221228", "cn-hangzhou", "oss");
    String signature =
        SignatureV4.sign(
            SignatureV4.signingKey("sk", "20221228", "cn-hangzhou", "oss"),
            SignatureV4.stringToSign(V4_DATE, scope, canonical));
    headers.add(
        "Authorization",
        SignatureV4.ALGORITHM + " Credential=ak/" + scope + ",Signature=" + signature);
    v4 = unsigned;
    // A benchmark of a refusal would measure the error path: check both are accepted.
    v1();
    v4();
  }

  private static OssRequest request(Headers headers) {
    return OssRequest.of("req", "GET", "/bench-bucket?encryption", headers, new byte[0]);
  }

  @Benchmark
  public Principal v1() {
    return authenticator.authenticate(v1, "bench-bucket", "");
  }

  @Benchmark
  public Principal v4() {
    return authenticator.authenticate(v4, "bench-bucket", "");
  }
}
