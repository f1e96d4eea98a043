package dev.ossemu.bench;

import dev.ossemu.xml.ServerSideEncryptionRule;
import dev.ossemu.xml.ServerSideEncryptionRule.ApplyServerSideEncryptionByDefault;
import dev.ossemu.xml.XmlCodec;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The encryption rule's XML: the one-pass read PutBucketEncryption uses and the write behind
 * GetBucketEncryption's cached document, each next to the guarded Jackson mapping they replaced
 * (readSingular: a StAX guard scan, then Jackson).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RuleXmlBench {
  private final XmlCodec codec = new XmlCodec();
  private final byte[] body =
      ("<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>"
              + "<SSEAlgorithm>AES256</SSEAlgorithm>"
              + "</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>")
          .getBytes(StandardCharsets.UTF_8);
  private final ServerSideEncryptionRule rule =
      new ServerSideEncryptionRule(new ApplyServerSideEncryptionByDefault("KMS", "key-1", "SM4"));

  @Benchmark
  public ServerSideEncryptionRule read() {
    return codec.readEncryptionRule(body);
  }

  @Benchmark
  public ServerSideEncryptionRule readWithJackson() {
    return codec.readSingular(body, ServerSideEncryptionRule.ROOT, ServerSideEncryptionRule.class);
  }

  @Benchmark
  public byte[] write() {
    return codec.writeEncryptionRule(rule);
  }

  @Benchmark
  public byte[] writeWithJackson() {
    return codec.write(rule);
  }
}
