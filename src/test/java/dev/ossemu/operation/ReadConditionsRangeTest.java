package dev.ossemu.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossemu.error.OssErrorCode;
import dev.ossemu.error.OssException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GetObject's Range on a 100-byte object, in OSS's compatible reading and with {@code
 * x-oss-range-behavior: standard} (issue 14 item 11; the OSS range-download page's table).
 */
class ReadConditionsRangeTest {
  private static final long SIZE = 100;

  private static String read(String header, boolean standard) {
    ReadConditions.Range range = ReadConditions.range(header, SIZE, standard);
    return range == null ? "whole" : range.start() + "-" + range.end();
  }

  @ParameterizedTest(name = "{0}: compatible {1}, standard {2}")
  @CsvSource({
    "bytes=0-9, 0-9, 0-9",
    "bytes=90-, 90-99, 90-99",
    "bytes=-10, 90-99, 90-99",
    "bytes=0-99, 0-99, 0-99",
    "bytes=10-200, whole, 10-99",
    "bytes=0-100, whole, 0-99",
    "bytes=-200, whole, 0-99",
    "bytes=5-3, whole, whole",
    "byte=0-9, whole, whole",
    "bytes=a-b, whole, whole",
    "bytes=-, whole, whole",
    "'bytes=0-1,5-6', whole, whole"
  })
  void readsARangeAsOssDoes(String header, String compatible, String standard) {
    assertThat(read(header, false)).isEqualTo(compatible);
    assertThat(read(header, true)).isEqualTo(standard);
  }

  @ParameterizedTest
  @CsvSource({"bytes=100-200", "bytes=100-", "bytes=-0"})
  void sendsTheWholeObjectForAnUnsatisfiableRangeUnlessStandard(String header) {
    assertThat(read(header, false)).isEqualTo("whole");
    OssException refused =
        catchThrowableOfType(OssException.class, () -> ReadConditions.range(header, SIZE, true));
    assertThat(refused.errorCode()).isEqualTo(OssErrorCode.INVALID_RANGE);
    assertThat(refused.status()).isEqualTo(416);
    assertThat(refused.extras()).containsEntry("ActualObjectSize", "100");
  }
}
