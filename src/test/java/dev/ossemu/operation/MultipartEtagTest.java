package dev.ossemu.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The multipart ETag formula against OSS's published vector. */
class MultipartEtagTest {
  /**
   * The published vector: a 482,048-byte JPEG uploaded in 100 KiB parts has the ETag {@code
   * "2351E662233817A7AE974D8C5B0876DD-5"}; these are the MD5s of its five parts. S3's formula (MD5
   * of the binary MD5s) gives {@code 6F52A710096C076B50B99034442BAF0C-5} for the same parts.
   */
  private static final List<String> PART_MD5S =
      List.of(
          "251AD9D223371CF6380544DF72E106CB",
          "215A888785362D10E3F5204BFAB1EEDF",
          "547DF973F1622420B4D20B5E7C6D329C",
          "B820869246C889A0AD3C54043F2B7E05",
          "BCCAB4D694301EB00A03686D12F331A7");

  @Test
  void isTheMd5OfTheConcatenatedUpperCaseHexPartMd5s() {
    List<byte[]> md5s = PART_MD5S.stream().map(HexFormat.of()::parseHex).toList();

    assertThat(MultipartEtag.ofPartMd5s(md5s)).isEqualTo("\"2351E662233817A7AE974D8C5B0876DD-5\"");
  }

  @Test
  void countsTheParts() {
    byte[] md5OfEmpty = HexFormat.of().parseHex("D41D8CD98F00B204E9800998ECF8427E");

    // MD5 of the 32-character string "D41D8CD98F00B204E9800998ECF8427E", then the part count.
    assertThat(MultipartEtag.ofPartMd5s(List.of(md5OfEmpty)))
        .isEqualTo("\"80404D0C6D24E87F650FF7D1985CD762-1\"");
  }
}
