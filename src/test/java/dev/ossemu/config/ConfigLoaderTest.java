package dev.ossemu.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossemu.EmulatorConfig;
import dev.ossemu.OssEmulator;
import dev.ossemu.OssEmulatorBuilder;
import dev.ossemu.auth.Account;
import dev.ossemu.bucket.EncryptionRule;
import dev.ossemu.bucket.SseAlgorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The configuration file: the shipped example, and each way a file can be broken. */
class ConfigLoaderTest {
  @TempDir Path dir;

  private EmulatorConfig load(String yaml) throws Exception {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, yaml);
    OssEmulatorBuilder builder = OssEmulator.builder();
    new ConfigLoader().load(file, builder);
    return builder.build().config();
  }

  @Test
  void loadsTheShippedExampleWithEveryField() throws Exception {
    EmulatorConfig config = load(Files.readString(Path.of("docker/oss-emulator.example.yaml")));

    assertThat(config.region()).isEqualTo("cn-hangzhou");
    assertThat(config.accounts()).extracting(Account::name).containsExactly("main", "other");
    Account main = config.accounts().get(0);
    assertThat(main.ownerId()).isEqualTo("1234567890123456");
    assertThat(main.primaryKey().id()).isEqualTo("test-access-key");
    assertThat(main.ramUser("reader").allows("oss:GetBucketInfo", "examplebucket")).isTrue();
    assertThat(main.ramUser("reader").allows("oss:GetBucketInfo", "plainbucket")).isFalse();
    assertThat(main.ramUser("reader").allows("oss:PutBucketEncryption", "examplebucket")).isFalse();
    assertThat(main.ramUser("admin").allows("oss:DeleteBucket", "anything")).isTrue();
    assertThat(config.buckets())
        .containsExactly(
            new EmulatorConfig.InitialBucket(
                "examplebucket", "main", new EncryptionRule(SseAlgorithm.KMS, "my-key", "SM4")),
            new EmulatorConfig.InitialBucket("plainbucket", "other", null));
    assertThat(config.stsCredentials()).hasSize(1);
    assertThat(config.stsCredentials().get(0).ramUser().name()).isEqualTo("reader");
  }

  @Test
  void anEmptyAccountListKeepsTheDefaultAccount() throws Exception {
    EmulatorConfig config = load("region: cn-shanghai\n");
    assertThat(config.region()).isEqualTo("cn-shanghai");
    assertThat(config.accounts().get(0).primaryKey().id()).isEqualTo("test-access-key");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bad YAML|region: [unclosed\\n|1|",
        "unknown field|region: cn-hangzhou\\ncolour: blue\\n|2|colour",
        "unknown nested field|accounts:\\n  - name: a\\n    accessKeys: [{id: k, secret: s, x: 1}]\\n|3|x",
        "duplicate access key|accounts:\\n  - name: a\\n    accessKeys: [{id: k, secret: s}]\\n"
            + "  - name: b\\n    accessKeys:\\n      - {id: k, secret: t}\\n|6|duplicate access key id k",
        "duplicate account|accounts:\\n  - name: a\\n    accessKeys: [{id: k, secret: s}]\\n"
            + "  - name: a\\n    accessKeys: [{id: j, secret: s}]\\n|4|duplicate account name a",
        "unknown owner|accounts:\\n  - name: a\\n    accessKeys: [{id: k, secret: s}]\\n"
            + "buckets:\\n  - name: examplebucket\\n    owner: nobody\\n|6|unknown owner nobody",
        "invalid algorithm|buckets:\\n  - name: examplebucket\\n    owner: x\\n"
            + "    encryption: {algorithm: DES}\\naccounts:\\n  - name: x\\n    accessKeys: [{id: k, secret: s}]\\n"
            + "|4|algorithm must be AES256, KMS or SM4",
        "key id without KMS|accounts:\\n  - name: a\\n    accessKeys: [{id: k, secret: s}]\\n"
            + "buckets:\\n  - name: examplebucket\\n    encryption:\\n      algorithm: AES256\\n"
            + "      kmsMasterKeyId: k1\\n|8|kmsMasterKeyId applies only to algorithm KMS",
        "invalid bucket name|accounts:\\n  - name: a\\n    accessKeys: [{id: k, secret: s}]\\n"
            + "buckets:\\n  - name: Bad_Name\\n|5|not a valid OSS bucket name",
        "missing secret|accounts:\\n  - name: a\\n    accessKeys:\\n      - id: k\\n|4|needs a secret",
        "bad action|accounts:\\n  - name: a\\n    ramUsers:\\n      - name: r\\n"
            + "        accessKeys: [{id: k, secret: s}]\\n        allow: [GetBucketInfo]\\n"
            + "|6|an action looks like oss:",
        "unknown RAM user for STS|accounts:\\n  - name: a\\n    accessKeys: [{id: k, secret: s}]\\n"
            + "stsCredentials:\\n  - {ramUser: a/nobody, accessKeyId: STS.x, accessKeySecret: s,"
            + " securityToken: t, expiration: '2099-01-01T00:00:00Z'}\\n|5|unknown RAM user a/nobody",
      })
  void namesFileLineAndProblemOfABrokenFile(String name, String yaml, int line, String problem) {
    String content = yaml.replace("\\n", "\n");
    assertThatThrownBy(() -> load(content))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(dir.resolve("config.yaml") + ":" + line + ": ")
        .hasMessageContaining(problem == null ? "" : problem);
  }

  @Test
  void namesAnUnknownFieldWithTheFieldsThatPlaceTakes() {
    String yaml = "accounts:\n  - name: a\n    acessKeys: [{id: k, secret: s}]\n";
    assertThatThrownBy(() -> load(yaml))
        .hasMessage(
            dir.resolve("config.yaml")
                + ":3: unknown field \"acessKeys\" in an account;"
                + " expected one of: name, ownerId, accessKeys, ramUsers");
    assertThatThrownBy(() -> load("colour: blue\n"))
        .hasMessageEndingWith(
            ":1: unknown field \"colour\" at the top level;"
                + " expected one of: region, accounts, buckets, stsCredentials");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "scalar for a list|accounts: main\\n|1|\"accounts\" must be a list",
        "list for a scalar|region: [a, b]\\n|1|\"region\" must be a single value",
        "scalar for a mapping|accounts:\\n  - main\\n|2|each entry of \"accounts\" must be a mapping",
        "unknown key field|accounts:\\n  - name: a\\n    accessKeys: [{id: k, sec: s}]\\n"
            + "|3|unknown field \"sec\" in an access key; expected one of: id, secret",
      })
  void describesMappingProblemsWithoutJavaNames(String name, String yaml, int line, String text) {
    assertThatThrownBy(() -> load(yaml.replace("\\n", "\n")))
        .hasMessageStartingWith(dir.resolve("config.yaml") + ":" + line + ": ")
        .hasMessageContaining(text)
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain("dev.ossemu")
                    .doesNotContain("class")
                    .doesNotContain("java."));
  }

  @Test
  void namesAFileThatCannotBeRead() {
    OssEmulatorBuilder builder = OssEmulator.builder();
    assertThatThrownBy(() -> new ConfigLoader().load(dir.resolve("missing.yaml"), builder))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("missing.yaml")
        .hasMessageContaining("cannot read");
  }
}
