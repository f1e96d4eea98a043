package dev.ossemu.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.request.QueryParameters.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;

/** The decoded query string: wire order, bare names, form-style plus and percent decoding. */
class QueryParametersTest {

  @ParameterizedTest
  @NullAndEmptySource
  void parsesNothingFromAnAbsentQuery(String raw) {
    assertThat(QueryParameters.parse(raw).all()).isEmpty();
  }

  @Test
  void treatsABareNameAndAnEmptyValueAlike() {
    QueryParameters query = QueryParameters.parse("encryption&acl=");

    assertThat(query.all())
        .containsExactly(new Parameter("encryption", ""), new Parameter("acl", ""));
    assertThat(query.has("encryption")).isTrue();
    assertThat(query.get("acl")).isEmpty();
  }

  @Test
  void keepsWireOrderAndDuplicates() {
    QueryParameters query = QueryParameters.parse("b=2&a=1&b=3");

    assertThat(query.all())
        .containsExactly(new Parameter("b", "2"), new Parameter("a", "1"), new Parameter("b", "3"));
    assertThat(query.get("b")).isEqualTo("2");
  }

  @Test
  void decodesNamesAndValuesWithPlusAsSpace() {
    QueryParameters query =
        QueryParameters.parse(
            "%2Bparam1=value3&%7Cparam2=&response-content-disposition=attachment%3B+filename%3Dx.txt");

    assertThat(query.all())
        .containsExactly(
            new Parameter("+param1", "value3"),
            new Parameter("|param2", ""),
            new Parameter("response-content-disposition", "attachment; filename=x.txt"));
  }

  @Test
  void splitsAtTheFirstEqualsSign() {
    QueryParameters query = QueryParameters.parse("security-token=a==b&x=%3D");

    assertThat(query.get("security-token")).isEqualTo("a==b");
    assertThat(query.get("x")).isEqualTo("=");
  }

  @Test
  void skipsEmptyPairs() {
    QueryParameters query = QueryParameters.parse("&acl&&uploads&");

    assertThat(query.all()).containsExactly(new Parameter("acl", ""), new Parameter("uploads", ""));
  }

  @Test
  void answersNullForAnAbsentName() {
    QueryParameters query = QueryParameters.parse("acl");

    assertThat(query.get("ACL")).isNull();
    assertThat(query.has("ACL")).isFalse();
    assertThat(query.has("acl")).isTrue();
  }
}
