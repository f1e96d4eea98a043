package dev.ossemu.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default EC of each error whose EC OSS documents (its EC pages) or the official SDKs' own
 * suites observe against OSS (the Go SDK v2's integration tests assert them).
 */
class OssErrorCodeEcTest {
  @ParameterizedTest
  @CsvSource({
    "NO_SUCH_BUCKET, 0015-00000101",
    "BUCKET_ALREADY_EXISTS, 0015-00000104",
    "BUCKET_NOT_EMPTY, 0015-00000301",
    "NO_SUCH_KEY, 0026-00000001",
    "NO_SUCH_UPLOAD, 0042-00000002",
    "POSITION_NOT_EQUAL_TO_LENGTH, 0026-00000016",
    "OBJECT_NOT_APPENDABLE, 0026-00000017",
    "FILE_ALREADY_EXISTS, 0026-00000002",
    "INVALID_PART_ORDER, 0042-00000209",
    "ENTITY_TOO_SMALL, 0042-00000213",
    "MISSING_ARGUMENT, 0016-00000502",
    "INVALID_ACCESS_KEY_ID, 0002-00000902",
    "SIGNATURE_DOES_NOT_MATCH, 0002-00000040"
  })
  void carriesTheDocumentedEc(OssErrorCode code, String ec) {
    assertThat(code.ec()).isEqualTo(ec);
    assertThat(OssException.of(code).build().ec()).isEqualTo(ec);
  }
}
