package dev.ossemu.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossemu.request.OssResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

class HttpResponsesTest {
  private static final long T = 1_672_223_261_000L; // Wed, 28 Dec 2022 10:27:41 GMT

  @Test
  void formatsTheDateHeaderOncePerSecond() {
    String first = HttpResponses.httpDate(T + 1);
    String sameSecond = HttpResponses.httpDate(T + 999);
    assertThat(first).isEqualTo("Wed, 28 Dec 2022 10:27:41 GMT");
    // The same String instance: nothing was formatted for the second response.
    assertThat(sameSecond).isSameAs(first);
    assertThat(HttpResponses.httpDate(T + 1000)).isEqualTo("Wed, 28 Dec 2022 10:27:42 GMT");
    assertThat(HttpResponses.httpDate(T - 1)).isEqualTo("Wed, 28 Dec 2022 10:27:40 GMT");
  }

  @Test
  void carriesTheCommonHeadersAndTheBody() {
    FullHttpResponse http =
        HttpResponses.toHttp(
            OssResponse.xml(200, "<a/>".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            HttpVersion.HTTP_1_1,
            "req-1",
            T,
            true);
    try {
      assertThat(http.headers().get("Server")).isEqualTo("AliyunOSS");
      assertThat(http.headers().get("Date")).isEqualTo("Wed, 28 Dec 2022 10:27:41 GMT");
      assertThat(http.headers().get("x-oss-request-id")).isEqualTo("req-1");
      assertThat(http.headers().get("Content-Length")).isEqualTo("4");
      assertThat(http.headers().get("Connection")).isEqualTo("keep-alive");
      assertThat(http.content().toString(java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo("<a/>");
    } finally {
      http.release();
    }
  }

  @Test
  void stillRefusesAHeaderValueThatWouldSplitTheResponse() {
    OssResponse response = OssResponse.empty(200).header("x-oss-meta-a", "v\r\nSet-Cookie: x");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> HttpResponses.toHttp(response, HttpVersion.HTTP_1_1, "r", T, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
