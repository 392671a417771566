package dev.weft.cni.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.cni.protocol.json.JsonValue.JsonArray;
import dev.weft.cni.protocol.json.JsonValue.JsonNumber;
import dev.weft.cni.protocol.json.JsonValue.JsonObject;
import dev.weft.cni.protocol.json.JsonValue.JsonString;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonParserTest {

  @Test
  void parsesACniConfig() throws Exception {
    JsonValue v = JsonParser.parse("""
        {"cniVersion": "1.1.0", "name": "n", "ipam": {"ranges": [[{"subnet": "10.0.0.0/24"}]]}, "mtu": 1450}
        """);
    JsonObject o = (JsonObject) v;
    assertThat(o.members().keySet()).containsExactly("cniVersion", "name", "ipam", "mtu");
    assertThat(o.get("mtu")).contains(new JsonNumber(new BigDecimal(1450)));
  }

  @Test
  void decodesEscapesIncludingSurrogatePairs() throws Exception {
    assertThat(JsonParser.parse("\"a\\n\\t\\\"\\\\\\/\\u00e9\\ud83d\\ude00\""))
        .isEqualTo(new JsonString("a\n\t\"\\/é😀"));
  }

  @Test
  void duplicateKeysKeepTheLastValueLikeGo() throws Exception {
    assertThat(JsonParser.parse("{\"a\":1,\"a\":2}")).isEqualTo(new JsonObject(java.util.Map.of("a", JsonNumber.of(2))));
  }

  @Test
  void writesCompactJsonWithEscapes() {
    JsonObject o = new JsonObjectBuilder().put("s", "x\"y\u0001").put("n", 7)
        .put("a", JsonArray.of(new JsonString("q"))).build();
    assertThat(o.toJson()).isEqualTo("{\"s\":\"x\\\"y\\u0001\",\"n\":7,\"a\":[\"q\"]}");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"a\" 1}|1|6|expected ':'",
      "[1,]|1|4|expected a JSON value",
      "{\"a\":1,}|1|8|member name",
      "01|1|2|leading zero",
      "1.|1|3|digit after '.'",
      "tru|1|1|expected a JSON value",
      "\"abc|1|5|unterminated string",
      "{}x|1|3|after the JSON value",
      "'a'|1|1|expected a JSON value",
      "\"\\x\"|1|3|invalid escape",
      "|1|1|end of input",
  })
  void rejectsMalformedInputWithLineAndColumn(String text, int line, int column, String problem) {
    String input = text == null ? "" : text;
    assertThatThrownBy(() -> JsonParser.parse(input))
        .isInstanceOfSatisfying(JsonParseException.class, e -> {
          assertThat(e.line()).as("line").isEqualTo(line);
          assertThat(e.column()).as("column").isEqualTo(column);
          assertThat(e.problem()).contains(problem);
        });
  }

  @Test
  void countsLinesAndColumnsAcrossNewlines() {
    assertThatThrownBy(() -> JsonParser.parse("[\n  1,\n  ?]"))
        .isInstanceOfSatisfying(JsonParseException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.column()).isEqualTo(3);
          assertThat(e.getMessage()).startsWith("line 3, column 3: unexpected '?'");
        });
  }

  @Test
  void rejectsRawControlCharactersInStrings() {
    assertThatThrownBy(() -> JsonParser.parse("\"a\u0001\"")).hasMessageContaining("control character U+0001");
  }

  @Test
  void rejectsInvalidUtf8() {
    assertThatThrownBy(() -> JsonParser.parse(new byte[] {'"', (byte) 0xc3, '"'}))
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void limitsNestingDepth() {
    String deep = "[".repeat(JsonParser.MAX_DEPTH + 1) + "]".repeat(JsonParser.MAX_DEPTH + 1);
    assertThatThrownBy(() -> JsonParser.parse(deep)).hasMessageContaining("nested deeper");
    String ok = "[".repeat(JsonParser.MAX_DEPTH) + "]".repeat(JsonParser.MAX_DEPTH);
    org.assertj.core.api.Assertions.assertThatCode(() -> JsonParser.parse(ok)).doesNotThrowAnyException();
  }
}
