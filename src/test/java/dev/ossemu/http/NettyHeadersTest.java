package dev.ossemu.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossemu.auth.SignatureV1;
import dev.ossemu.auth.SignatureV4;
import dev.ossemu.request.Headers;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The decoder's headers read in place answer every question exactly as the copy into a sorted map
 * did (issue 15): first value, trimmed comma-joined repeats, counts, names in byte order, the V1
 * and V4 canonical forms, raw non-ASCII bytes as the decoder delivered them.
 */
class NettyHeadersTest {
  private static final String[] NAMES = {
    "Date",
    "date",
    "X-Oss-Date",
    "x-oss-date",
    "x-oss-meta-A",
    "X-OSS-META-a",
    "x-oss-meta-b",
    "Content-Type",
    "content-md5",
    "Host",
    "Authorization",
    "x-oss-",
    "X-Oss-Security-Token",
    "xoss-a",
    "ZAbc",
    "abc"
  };

  record Line(String name, String value) {}

  @Provide
  Arbitrary<Line> lines() {
    return Combinators.combine(
            Arbitraries.of(NAMES),
            Arbitraries.of("", " one ", "two\t", "3", "text/html", "\u00e9\u00a0raw", "a,b"))
        .as(Line::new);
  }

  @Property(tries = 500)
  void answersAsTheCopyDid(@ForAll @Size(max = 12) List<@net.jqwik.api.From("lines") Line> lines) {
    // The decoder's headers are not validated (it has read them): values may keep any byte.
    HttpHeaders netty =
        DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
    Headers copy = new Headers();
    for (Line line : lines) {
      netty.add(line.name(), line.value());
      copy.add(line.name(), line.value());
    }
    Headers view = NettyHeaders.of(netty);

    for (String name : NAMES) {
      assertThat(view.get(name)).as(name).isEqualTo(copy.get(name));
      assertThat(view.joined(name)).as(name).isEqualTo(copy.joined(name));
      assertThat(view.all(name)).as(name).isEqualTo(copy.all(name));
      assertThat(view.count(name)).as(name).isEqualTo(copy.count(name));
      assertThat(view.contains(name)).as(name).isEqualTo(copy.contains(name));
    }
    assertThat(view.asMap()).isEqualTo(copy.asMap());
    assertThat(view.lineCount()).isEqualTo(copy.lineCount()).isEqualTo(lines.size());
    List<String> extra = List.of("host", "abc", "Date");
    assertThat(view.sortedNames("x-oss-", extra)).isEqualTo(copy.sortedNames("x-oss-", extra));
    assertThat(copy.sortedNames("x-oss-", extra))
        .isEqualTo(
            copy.asMap().keySet().stream()
                .filter(n -> n.startsWith("x-oss-") || extra.contains(n))
                .toList());
    assertThat(SignatureV1.stringToSign("PUT", view, "d", "/b/"))
        .isEqualTo(SignatureV1.stringToSign("PUT", copy, "d", "/b/"));
    assertThat(canonical(view)).isEqualTo(canonical(copy));
  }

  private static String canonical(Headers headers) {
    return SignatureV4.canonicalRequest(
        "PUT", "b", "k", List.of(), headers, List.of("host"), SignatureV4.UNSIGNED_PAYLOAD);
  }

  @Test
  void readsTheDecoderHeadersInPlace() {
    HttpHeaders netty = new DefaultHttpHeaders().add("Date", "one");
    Headers view = NettyHeaders.of(netty);

    netty.add("X-Oss-Meta-A", "later"); // a copy made above would not see this

    assertThat(view.get("x-oss-meta-a")).isEqualTo("later");
    assertThat(view.sortedNames("x-oss-", List.of())).containsExactly("x-oss-meta-a");
    assertThat(view.lineCount()).isEqualTo(2);
  }

  @Test
  void refusesToAddToTheRequest() {
    Headers view = NettyHeaders.of(new DefaultHttpHeaders());

    assertThatThrownBy(() -> view.add("a", "1")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void buildsNothingWhenNoNameIsSigned() {
    Headers view =
        NettyHeaders.of(new DefaultHttpHeaders().add("Date", "d").add("Authorization", "a"));

    assertThat(view.sortedNames("x-oss-", List.of())).isSameAs(List.of());
    assertThat(view.asMap()).containsOnlyKeys("authorization", "date");
    assertThat(view.asMap().get("date")).isEqualTo(List.of("d"));
    assertThat(Map.copyOf(view.asMap())).hasSize(2);
  }
}
