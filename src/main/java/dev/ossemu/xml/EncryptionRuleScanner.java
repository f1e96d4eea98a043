package dev.ossemu.xml;

import dev.ossemu.xml.ServerSideEncryptionRule.ApplyServerSideEncryptionByDefault;
import java.nio.charset.StandardCharsets;

/**
 * Reads the one shape of PutBucketEncryption body every SDK sends (spec §1) straight from its
 * bytes: an optional plain XML declaration, the root, {@code ApplyServerSideEncryptionByDefault},
 * each of its three fields at most once with printable ASCII text, and whitespace between them.
 * Creating a Woodstox reader for this was most of a PutBucketEncryption's rule read (~1.9 KB and
 * ~10 µs per request, issue 15). Anything else, a comment, CDATA, an entity or character reference,
 * a DOCTYPE, a namespace, an attribute, another declaration, a repeated or unknown element, a
 * control or non-ASCII byte, is not judged here: {@link #scan} answers null and {@link
 * EncryptionRuleReader} reads it with all its guards. {@code EncryptionRuleScannerPropertyTest}
 * holds the two to the same answer.
 */
final class EncryptionRuleScanner {
  /** Real rules are under 400 bytes; a larger body goes to the reader, size guards and all. */
  static final int MAX_BYTES = 2048;

  private static final byte[] ROOT_OPEN = ascii("<ServerSideEncryptionRule>");
  private static final byte[] ROOT_CLOSE = ascii("</ServerSideEncryptionRule>");
  private static final byte[] BY_DEFAULT_OPEN = ascii("<ApplyServerSideEncryptionByDefault>");
  private static final byte[] BY_DEFAULT_CLOSE = ascii("</ApplyServerSideEncryptionByDefault>");

  /** The fields, in the order of ApplyServerSideEncryptionByDefault's components. */
  private static final String[] FIELDS = {"SSEAlgorithm", "KMSMasterKeyID", "KMSDataEncryption"};

  private static final byte[][] FIELD_OPEN = tags("<", FIELDS);
  private static final byte[][] FIELD_CLOSE = tags("</", FIELDS);

  /** The declarations SDKs write; Woodstox accepts each of them, and the rest go to it. */
  private static final byte[][] DECLARATIONS = {
    ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
    ascii("<?xml version=\"1.0\" encoding=\"utf-8\"?>"),
    ascii("<?xml version=\"1.0\"?>")
  };

  /** Values shared rather than copied out of every body. */
  private static final String[] COMMON_VALUES = {"AES256", "KMS", "SM4", ""};

  private static final byte[][] COMMON_BYTES = {
    ascii("AES256"), ascii("KMS"), ascii("SM4"), new byte[0]
  };

  private EncryptionRuleScanner() {}

  /**
   * The rule, exactly as {@link EncryptionRuleReader} would read it; null when {@code body} is
   * outside the common shape (whatever the reader would answer for it, a rule or MalformedXML).
   */
  static ServerSideEncryptionRule scan(byte[] body) {
    if (body.length > MAX_BYTES) {
      return null;
    }
    int at = declaration(body, space(body, 0));
    at = expect(body, space(body, at), ROOT_OPEN);
    at = expect(body, space(body, at), BY_DEFAULT_OPEN);
    String[] values = new String[FIELDS.length];
    int field;
    while (at >= 0 && (field = fieldAt(body, at = space(body, at))) >= 0) {
      if (values[field] != null) {
        return null; // repeated: the reader refuses it
      }
      int from = at + FIELD_OPEN[field].length;
      int to = text(body, from);
      values[field] = value(body, from, to);
      at = expect(body, to, FIELD_CLOSE[field]);
    }
    at = expect(body, at, BY_DEFAULT_CLOSE);
    at = expect(body, space(body, at), ROOT_CLOSE);
    if (at < 0 || space(body, at) != body.length) {
      return null;
    }
    return new ServerSideEncryptionRule(
        new ApplyServerSideEncryptionByDefault(values[0], values[1], values[2]));
  }

  /** Past XML whitespace from {@code at}; -1 stays -1. */
  private static int space(byte[] body, int at) {
    if (at < 0) {
      return -1;
    }
    while (at < body.length && XmlGuard.isXmlSpace(body[at])) {
      at++;
    }
    return at;
  }

  /** Past a known declaration at {@code at}; {@code at} when there is none; -1 for another. */
  private static int declaration(byte[] body, int at) {
    if (at + 1 >= body.length || body[at] != '<' || body[at + 1] != '?') {
      return at;
    }
    for (byte[] declaration : DECLARATIONS) {
      if (startsWith(body, at, declaration)) {
        return at + declaration.length;
      }
    }
    return -1;
  }

  /** Past {@code token} at {@code at}, or -1 when it is not there (or {@code at} is -1). */
  private static int expect(byte[] body, int at, byte[] token) {
    return at >= 0 && startsWith(body, at, token) ? at + token.length : -1;
  }

  private static boolean startsWith(byte[] body, int at, byte[] token) {
    if (body.length - at < token.length) {
      return false;
    }
    for (int i = 0; i < token.length; i++) {
      if (body[at + i] != token[i]) {
        return false;
      }
    }
    return true;
  }

  /** Which field's start tag is at {@code at}, or -1. */
  private static int fieldAt(byte[] body, int at) {
    for (int i = 0; i < FIELD_OPEN.length; i++) {
      if (startsWith(body, at, FIELD_OPEN[i])) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The end of the plain text from {@code at}: printable ASCII and space, without {@code < & >}, so
   * that it is read as is (no reference, no CDATA end, no line-end normalisation).
   */
  private static int text(byte[] body, int at) {
    while (at < body.length) {
      byte b = body[at];
      if (b < 0x20 || b > 0x7e || b == '<' || b == '&' || b == '>') {
        break;
      }
      at++;
    }
    return at;
  }

  private static String value(byte[] body, int from, int to) {
    for (int i = 0; i < COMMON_BYTES.length; i++) {
      byte[] common = COMMON_BYTES[i];
      if (to - from == common.length && startsWith(body, from, common)) {
        return COMMON_VALUES[i];
      }
    }
    return new String(body, from, to - from, StandardCharsets.US_ASCII);
  }

  private static byte[][] tags(String prefix, String[] names) {
    byte[][] tags = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      tags[i] = ascii(prefix + names[i] + ">");
    }
    return tags;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
