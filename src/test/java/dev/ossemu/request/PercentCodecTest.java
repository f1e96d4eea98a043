package dev.ossemu.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Percent decoding of paths and queries, and the V4 canonical encoding (spec §10.3). */
class PercentCodecTest {

  @ParameterizedTest(name = "path {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "key%2B123|key+123",
        "key+123|key+123",
        "1234%2B-/123/1.txt|1234+-/123/1.txt",
        "a%20b|a b",
        "%e4%b8%ad|\u4e2d",
        "%E4%B8%AD%2f|\u4e2d/",
        "plain|plain",
      })
  void decodesAPathKeepingPlus(String raw, String decoded) {
    assertThat(PercentCodec.decode(raw, false)).isEqualTo(decoded);
  }

  @ParameterizedTest(name = "query {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a+b|a b",
        "%2Bparam1|+param1",
        "attachment%3B%20%2Ffile%2Fname%3D%3Dexample.txt%2B%2B|attachment; /file/name==example.txt++",
        "%7C|'|'",
      })
  void decodesAQueryWithPlusAsSpace(String raw, String decoded) {
    assertThat(PercentCodec.decode(raw, true)).isEqualTo(decoded);
  }

  @ParameterizedTest(name = "malformed {0} stays literal")
  @CsvSource(
      delimiter = '|',
      value = {"100%|100%", "%zz|%zz", "%4|%4", "a%4g|a%4g", "%%41|%A", "\u00e9%41|\u00e9A"})
  void leavesMalformedEscapesLiteral(String raw, String decoded) {
    assertThat(PercentCodec.decode(raw, false)).isEqualTo(decoded);
  }

  @Test
  void leavesEscapesWithNonAsciiDigitsLiteral() {
    // U+0663 is ARABIC-INDIC DIGIT THREE, U+FF21 FULLWIDTH LATIN CAPITAL LETTER A: not hex digits.
    assertThat(PercentCodec.decode("%\u0663\u0663", false)).isEqualTo("%\u0663\u0663");
    assertThat(PercentCodec.decode("%4\uff21", false)).isEqualTo("%4\uff21");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "AZaz09-_.~|AZaz09-_.~",
        "/bucket/1234+-/123/1.txt|%2Fbucket%2F1234%2B-%2F123%2F1.txt",
        "a b|a%20b",
        "+param1|%2Bparam1",
        "'|param1'|%7Cparam1",
        "abc;zabc|abc%3Bzabc",
        "ak/20231217/cn-hangzhou/oss/aliyun_v4_request|ak%2F20231217%2Fcn-hangzhou%2Foss%2Faliyun_v4_request",
        "*!()|%2A%21%28%29",
        "\u4e2d\u00e9|%E4%B8%AD%C3%A9",
        "''|''",
      })
  void encodesEverythingButUnreservedWithUpperCaseHex(String value, String encoded) {
    assertThat(PercentCodec.encode(value, false)).isEqualTo(encoded);
  }

  @Test
  void keepsSlashesWhenAsked() {
    assertThat(PercentCodec.encode("/bucket/1234+-/123/1.txt", true))
        .isEqualTo("/bucket/1234%2B-/123/1.txt");
    assertThat(PercentCodec.encode("/b/a b/\u00e9?#%", true)).isEqualTo("/b/a%20b/%C3%A9%3F%23%25");
  }

  @Test
  void roundTripsEncodedText() {
    String text = "attachment; filename=\u4e2d+x/y~z.txt";

    assertThat(PercentCodec.decode(PercentCodec.encode(text, false), true)).isEqualTo(text);
  }

  @ParameterizedTest(name = "invalid UTF-8 {0}")
  @CsvSource({"k%FF", "k%FE", "k%C3", "%E4%B8", "%ED%A0%80", "%C0%AF", "%F8%88%80%80%80"})
  void neverTurnsInvalidUtf8IntoAReplacementCharacter(String raw) {
    String decoded = PercentCodec.decode(raw, false);

    assertThat(decoded).doesNotContain("\uFFFD");
    assertThat(PercentCodec.isWellFormed(decoded)).isFalse();
    assertThat(PercentCodec.printable(decoded)).isEqualToIgnoringCase(raw);
  }

  @Test
  void keepsDistinctInvalidBytesDistinct() {
    assertThat(PercentCodec.decode("k%FF", false)).isNotEqualTo(PercentCodec.decode("k%FE", false));
    assertThat(PercentCodec.decode("k%FF", false))
        .isNotEqualTo(PercentCodec.decode("k%25FF", false));
  }

  @Test
  void validUtf8IsWellFormedAndPrintedAsItIs() {
    String decoded = PercentCodec.decode("%F0%9F%98%80%E4%B8%AD+%25", true);

    assertThat(decoded).isEqualTo("\uD83D\uDE00\u4e2d %");
    assertThat(PercentCodec.isWellFormed(decoded)).isTrue();
    assertThat(PercentCodec.printable(decoded)).isEqualTo(decoded);
  }
}
