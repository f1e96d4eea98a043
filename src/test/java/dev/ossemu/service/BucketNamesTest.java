package dev.ossemu.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bucket naming (spec §4): 3–63 of a-z 0-9 -, starting and ending with a letter or digit. */
class BucketNamesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "abc",
        "a-c",
        "0ab",
        "ab9",
        "a--b",
        "examplebucket",
        "123",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      })
  void acceptsValidNames(String name) {
    assertThat(BucketNames.isValid(name)).isTrue();
    assertThatCode(() -> BucketNames.check(name)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "_emulator",
        "Ab",
        "ABC",
        "a",
        "ab",
        "",
        "-abc",
        "abc-",
        "ab_c",
        "ab.c",
        "ab c",
        "ab\u00e9",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      })
  void refusesInvalidNamesNamingTheBucket(String name) {
    assertThat(BucketNames.isValid(name)).isFalse();
    OssException error = catchThrowableOfType(OssException.class, () -> BucketNames.check(name));
    assertThat(error.errorCode()).isEqualTo(OssErrorCode.INVALID_BUCKET_NAME);
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.ec()).isEqualTo("0015-00000001");
    assertThat(error.getMessage()).isEqualTo("The specified bucket is not valid.");
    assertThat(error.extras()).containsExactly(Map.entry("BucketName", name));
  }
}
