package dev.weft.cni.protocol.json;

import dev.weft.cni.protocol.json.JsonValue.JsonArray;
import dev.weft.cni.protocol.json.JsonValue.JsonBool;
import dev.weft.cni.protocol.json.JsonValue.JsonNull;
import dev.weft.cni.protocol.json.JsonValue.JsonNumber;
import dev.weft.cni.protocol.json.JsonValue.JsonObject;
import dev.weft.cni.protocol.json.JsonValue.JsonString;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser: one value, optional surrounding white space, nothing else. Duplicate object
 * keys keep the last value, as Go's encoding/json (and so every CNI runtime) does. Nesting is limited
 * to {@value #MAX_DEPTH} levels so that hostile input cannot overflow the stack.
 */
public final class JsonParser {
  static final int MAX_DEPTH = 256;

  private final String text;
  private int pos;
  private int depth;

  private JsonParser(String text) {
    this.text = text;
  }

  public static JsonValue parse(String text) throws JsonParseException {
    JsonParser p = new JsonParser(text);
    p.skipSpace();
    JsonValue v = p.value();
    p.skipSpace();
    if (p.pos < text.length()) {
      throw p.error("unexpected " + p.describeHere() + " after the JSON value");
    }
    return v;
  }

  /** Parses UTF-8 bytes; malformed UTF-8 is an error, not replaced silently. */
  public static JsonValue parse(byte[] utf8) throws JsonParseException {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(utf8))
          .toString();
    } catch (CharacterCodingException e) {
      throw new JsonParseException("the input is not valid UTF-8", 1, 1);
    }
    return parse(text);
  }

  private JsonValue value() throws JsonParseException {
    if (pos >= text.length()) {
      throw error("unexpected end of input, expected a JSON value");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> new JsonString(string());
      case 't' -> literal("true", new JsonBool(true));
      case 'f' -> literal("false", new JsonBool(false));
      case 'n' -> literal("null", JsonNull.INSTANCE);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected " + describeHere() + ", expected a JSON value");
      }
    };
  }

  private JsonObject object() throws JsonParseException {
    enter();
    pos++;
    Map<String, JsonValue> members = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      depth--;
      return new JsonObject(members);
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("unexpected " + describeHere() + ", expected a member name in double quotes");
      }
      String key = string();
      skipSpace();
      expect(':', "':' after the member name");
      skipSpace();
      members.put(key, value());
      skipSpace();
      if (peek() == ',') {
        pos++;
        continue;
      }
      expect('}', "',' or '}' in the object");
      depth--;
      return new JsonObject(members);
    }
  }

  private JsonArray array() throws JsonParseException {
    enter();
    pos++;
    List<JsonValue> elements = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      pos++;
      depth--;
      return new JsonArray(elements);
    }
    while (true) {
      skipSpace();
      elements.add(value());
      skipSpace();
      if (peek() == ',') {
        pos++;
        continue;
      }
      expect(']', "',' or ']' in the array");
      depth--;
      return new JsonArray(elements);
    }
  }

  private String string() throws JsonParseException {
    int start = ++pos;
    StringBuilder sb = null;
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        String s = sb == null ? text.substring(start, pos) : sb.append(text, start, pos).toString();
        pos++;
        return s;
      }
      if (c < 0x20) {
        throw error("control character U+" + String.format("%04X", (int) c) + " in a string (escape it)");
      }
      if (c == '\\') {
        if (sb == null) {
          sb = new StringBuilder();
        }
        sb.append(text, start, pos);
        sb.append(escape());
        start = pos;
      } else {
        pos++;
      }
    }
  }

  private char escape() throws JsonParseException {
    pos++;
    if (pos >= text.length()) {
      throw error("unterminated escape sequence");
    }
    char e = text.charAt(pos++);
    return switch (e) {
      case '"' -> '"';
      case '\\' -> '\\';
      case '/' -> '/';
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> unicodeEscape();
      default -> {
        pos--;
        throw error("invalid escape '\\" + e + "'");
      }
    };
  }

  private char unicodeEscape() throws JsonParseException {
    if (pos + 4 > text.length()) {
      throw error("\\u needs four hex digits");
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(text.charAt(pos), 16);
      if (d < 0) {
        throw error("\\u needs four hex digits");
      }
      v = v * 16 + d;
      pos++;
    }
    return (char) v;
  }

  private JsonNumber number() throws JsonParseException {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
      if (isDigit(peek())) {
        throw error("leading zero in a number");
      }
    } else {
      digits("a digit");
    }
    if (peek() == '.') {
      pos++;
      digits("a digit after '.'");
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      digits("a digit in the exponent");
    }
    try {
      return new JsonNumber(new BigDecimal(text.substring(start, pos)));
    } catch (NumberFormatException | ArithmeticException e) {
      pos = start;
      throw error("number out of range");
    }
  }

  private void digits(String expected) throws JsonParseException {
    if (!isDigit(peek())) {
      throw error("unexpected " + describeHere() + ", expected " + expected);
    }
    while (isDigit(peek())) {
      pos++;
    }
  }

  private JsonValue literal(String word, JsonValue value) throws JsonParseException {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected " + describeHere() + ", expected a JSON value");
    }
    pos += word.length();
    return value;
  }

  private void enter() throws JsonParseException {
    if (++depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private void expect(char c, String what) throws JsonParseException {
    if (peek() != c) {
      throw error("unexpected " + describeHere() + ", expected " + what);
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private String describeHere() {
    if (pos >= text.length()) {
      return "end of input";
    }
    char c = text.charAt(pos);
    return c < 0x20 || c > 0x7e ? "character U+" + String.format("%04X", (int) c) : "'" + c + "'";
  }

  private JsonParseException error(String problem) {
    int line = 1;
    int lineStart = 0;
    int end = Math.min(pos, text.length());
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new JsonParseException(problem, line, end - lineStart + 1);
  }
}
