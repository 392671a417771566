package dev.weft.cni.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.cni.protocol.json.JsonValue.JsonArray;
import dev.weft.cni.protocol.json.JsonValue.JsonBool;
import dev.weft.cni.protocol.json.JsonValue.JsonNull;
import dev.weft.cni.protocol.json.JsonValue.JsonNumber;
import dev.weft.cni.protocol.json.JsonValue.JsonObject;
import dev.weft.cni.protocol.json.JsonValue.JsonString;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JsonProperties {

  @Property(tries = 500)
  void writeThenParseGivesTheSameValue(@ForAll("values") JsonValue value) throws Exception {
    assertThat(JsonParser.parse(JsonWriter.write(value))).isEqualTo(value);
  }

  @Property(tries = 300)
  void utf8BytesRoundTrip(@ForAll("values") JsonValue value) throws Exception {
    assertThat(JsonParser.parse(JsonWriter.write(value).getBytes(StandardCharsets.UTF_8))).isEqualTo(value);
  }

  @Property(tries = 300)
  void insignificantWhiteSpaceDoesNotChangeTheValue(@ForAll("values") JsonValue value) throws Exception {
    String spaced = JsonWriter.write(value).replace(",", " ,\n\t").replace(":", "\r\n: ");
    // only safe outside strings: compare against values whose strings have no ',' or ':'
    if (!containsSeparatorInString(value)) {
      assertThat(JsonParser.parse(" \n" + spaced + "\t ")).isEqualTo(value);
    }
  }

  @Property(tries = 300)
  void truncatedDocumentsAreRejectedWithAPosition(@ForAll("containers") JsonValue value,
      @ForAll("fractions") double cut) {
    String text = JsonWriter.write(value);
    int at = (int) Math.floor(cut * (text.length() - 1));
    String truncated = text.substring(0, at);
    assertThatThrownBy(() -> JsonParser.parse(truncated))
        .isInstanceOfSatisfying(JsonParseException.class, e -> {
          assertThat(e.line()).isEqualTo(1);
          assertThat(e.column()).isBetween(1, truncated.length() + 1);
        });
  }

  @Property(tries = 300)
  void writtenStringsHaveNoRawControlCharacters(@ForAll("strings") String s) {
    String json = JsonWriter.write(new JsonString(s));
    assertThat(json.chars().noneMatch(c -> c < 0x20)).isTrue();
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.doubles().between(0, 1);
  }

  @Provide
  Arbitrary<String> strings() {
    return Arbitraries.strings().all().ofMaxLength(20);
  }

  @Provide
  Arbitrary<JsonValue> containers() {
    return values().filter(v -> v instanceof JsonObject || v instanceof JsonArray);
  }

  @Provide
  Arbitrary<JsonValue> values() {
    return Arbitraries.recursive(JsonProperties::scalar, JsonProperties::containerOf, 0, 3);
  }

  static Arbitrary<JsonValue> scalar() {
    Arbitrary<JsonValue> numbers = Combinators.combine(
            Arbitraries.bigIntegers().between(new java.math.BigInteger("-99999999999999999999"),
                new java.math.BigInteger("99999999999999999999")),
            Arbitraries.integers().between(-30, 30))
        .as((unscaled, scale) -> new JsonNumber(new BigDecimal(unscaled, scale)));
    return Arbitraries.oneOf(
        Arbitraries.just(JsonNull.INSTANCE),
        Arbitraries.of(true, false).map(JsonBool::new),
        numbers,
        Arbitraries.strings().all().ofMaxLength(12).map(JsonString::new));
  }

  static Arbitrary<JsonValue> containerOf(Arbitrary<JsonValue> inner) {
    Arbitrary<JsonValue> arrays = inner.list().ofMaxSize(4).map(JsonArray::new);
    Arbitrary<JsonValue> objects = Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(6), inner)
        .ofMaxSize(4).map(m -> new JsonObject(new LinkedHashMap<>(m)));
    return Arbitraries.oneOf(arrays, objects);
  }

  private static boolean containsSeparatorInString(JsonValue v) {
    return switch (v) {
      case JsonString s -> s.value().contains(",") || s.value().contains(":");
      case JsonArray a -> a.elements().stream().anyMatch(JsonProperties::containsSeparatorInString);
      case JsonObject o -> o.members().entrySet().stream().anyMatch(e ->
          e.getKey().contains(",") || e.getKey().contains(":") || containsSeparatorInString(e.getValue()));
      default -> false;
    };
  }

}
