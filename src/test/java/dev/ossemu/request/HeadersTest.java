package dev.ossemu.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Request headers as the signatures see them: lower-case names, sorted, repeats comma-joined. */
class HeadersTest {

  @Test
  void looksUpNamesWhateverTheirCase() {
    Headers headers = new Headers().add("X-Oss-Date", "20231216T162057Z");

    assertThat(headers.get("x-oss-date")).isEqualTo("20231216T162057Z");
    assertThat(headers.get("X-OSS-DATE")).isEqualTo("20231216T162057Z");
    assertThat(headers.contains("x-OSS-date")).isTrue();
    assertThat(headers.joined("X-Oss-Date")).isEqualTo("20231216T162057Z");
  }

  @Test
  void answersNullForAnAbsentHeader() {
    Headers headers = new Headers().add("Date", "Wed, 28 Dec 2022 10:27:41 GMT");

    assertThat(headers.get("content-md5")).isNull();
    assertThat(headers.joined("content-md5")).isNull();
    assertThat(headers.contains("content-md5")).isFalse();
  }

  @Test
  void getReturnsTheFirstValueUntrimmed() {
    Headers headers = new Headers().add("x-oss-meta-a", " one ").add("X-OSS-META-A", "two");

    assertThat(headers.get("x-oss-meta-a")).isEqualTo(" one ");
  }

  @Test
  void joinsRepeatedValuesTrimmedWithACommaInArrivalOrder() {
    Headers headers =
        new Headers()
            .add("x-oss-meta-a", " one ")
            .add("X-Oss-Meta-A", "two  ")
            .add("x-oss-meta-a", "3");

    assertThat(headers.joined("x-oss-meta-a")).isEqualTo("one,two,3");
    assertThat(headers.asMap().get("x-oss-meta-a")).containsExactly(" one ", "two  ", "3");
  }

  @Test
  void trimsASingleValueForSigning() {
    Headers headers = new Headers().add("Content-Type", "  text/html\t");

    assertThat(headers.joined("content-type")).isEqualTo("text/html");
  }

  @Test
  void keepsNamesLowerCasedInByteOrder() {
    Headers headers =
        new Headers()
            .add("x-oss-meta-magic", "abracadabra")
            .add("ZAbc", "value")
            .add("Content-Type", "text/html")
            .add("abc", "value")
            .add("X-Oss-Date", "now")
            .add("x-oss-meta-author", "alice");

    assertThat(headers.asMap().keySet())
        .containsExactly(
            "abc", "content-type", "x-oss-date", "x-oss-meta-author", "x-oss-meta-magic", "zabc");
  }

  @Test
  void countsEveryHeaderLine() {
    Headers headers = new Headers().add("a", "1").add("A", "2").add("b", "3");

    assertThat(headers.lineCount()).isEqualTo(3);
    assertThat(new Headers().lineCount()).isZero();
  }

  @Test
  void exposesAnUnmodifiableView() {
    Headers headers = new Headers().add("a", "1");

    assertThatThrownBy(() -> headers.asMap().put("b", List.of("2")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void listsTheSignedNamesLowerCasedOnceInByteOrder() {
    Headers headers =
        new Headers()
            .add("X-Oss-Meta-B", "1")
            .add("x-oss-meta-b", "2")
            .add("x-oss-date", "d")
            .add("Host", "h")
            .add("Content-Type", "t");

    assertThat(headers.sortedNames("x-oss-", List.of("host")))
        .containsExactly("host", "x-oss-date", "x-oss-meta-b");
    // only lower-case names listed are signed, as a lookup in the sorted map had it
    assertThat(headers.sortedNames("x-oss-meta-", List.of("Host"))).containsExactly("x-oss-meta-b");
    assertThat(headers.sortedNames("x-amz-", List.of())).isEmpty();
  }

  @Test
  void countsAndListsTheValuesOfOneName() {
    Headers headers = new Headers().add("Date", " a ").add("DATE", "b");

    assertThat(headers.count("date")).isEqualTo(2);
    assertThat(headers.all("Date")).containsExactly(" a ", "b");
    assertThat(headers.count("host")).isZero();
    assertThat(headers.all("host")).isEmpty();
  }
}
