package dev.weft.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.document.DocNode.DocEntry;
import dev.weft.document.DocNode.DocList;
import dev.weft.document.DocNode.DocMap;
import dev.weft.document.DocNode.DocScalar;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Trees written as YAML or JSON and read back keep their structure and scalar values. */
class DocumentRoundTripProperties {
  private static final Location NOWHERE = new Location("gen", 1, 1);
  private final DocumentReader reader = new DocumentReader();
  private final DocWriter writer = new DocWriter();

  @Property(tries = 300)
  void yamlRoundTrip(@ForAll("trees") DocNode tree) {
    Diagnostics d = new Diagnostics();
    String text = writer.toYaml(tree);
    List<DocNode> back = reader.parseYaml("gen.yaml", text, d);
    assertThat(d.all()).as(text).isEmpty();
    assertThat(back).as(text).singleElement().satisfies(b -> assertThat(b.sameContent(tree)).as(text).isTrue());
  }

  @Property(tries = 300)
  void jsonRoundTrip(@ForAll("trees") DocNode tree) {
    Diagnostics d = new Diagnostics();
    String text = writer.toJson(tree);
    List<DocNode> back = reader.parseJson("gen.json", text, d);
    assertThat(d.all()).as(text).isEmpty();
    assertThat(back).as(text).singleElement().satisfies(b -> assertThat(b.sameContent(tree)).as(text).isTrue());
  }

  @Property(tries = 50)
  void multiDocumentStreamsRoundTrip(@ForAll("trees") DocNode a, @ForAll("trees") DocNode b) {
    Diagnostics d = new Diagnostics();
    String text = writer.toYaml(List.of(a, b));
    List<DocNode> back = reader.parseYaml("gen.yaml", text, d);
    assertThat(back).as(text).hasSize(2);
    assertThat(back.get(0).sameContent(a) && back.get(1).sameContent(b)).as(text).isTrue();
  }

  @Provide
  Arbitrary<DocNode> trees() {
    return trees(3);
  }

  private Arbitrary<DocNode> trees(int depth) {
    if (depth == 0) {
      return scalars();
    }
    return Arbitraries.oneOf(scalars(), lists(depth), maps(depth));
  }

  private Arbitrary<DocNode> lists(int depth) {
    return Arbitraries.lazy(() -> trees(depth - 1)).list().ofMaxSize(4).map(items -> new DocList(NOWHERE, items));
  }

  private Arbitrary<DocNode> maps(int depth) {
    return Arbitraries.maps(texts().filter(k -> !k.equals("<<")), Arbitraries.lazy(() -> trees(depth - 1)))
        .ofMaxSize(4).map(m -> {
      LinkedHashMap<String, DocEntry> entries = new LinkedHashMap<>();
      m.forEach((k, v) -> entries.put(k, new DocEntry(k, NOWHERE, v)));
      return new DocMap(NOWHERE, entries);
    });
  }

  private Arbitrary<DocNode> scalars() {
    return Arbitraries.oneOf(
        texts().map(s -> new DocScalar(NOWHERE, s, ScalarKind.STRING)),
        Arbitraries.bigIntegers().between(new java.math.BigInteger("-99999999999999999999"),
            new java.math.BigInteger("99999999999999999999")).map(i -> new DocScalar(NOWHERE, i.toString(), ScalarKind.INT)),
        Arbitraries.doubles().between(-1e12, 1e12).map(x -> new DocScalar(NOWHERE, floatText(x), ScalarKind.FLOAT)),
        Arbitraries.of("true", "false").map(b -> new DocScalar(NOWHERE, b, ScalarKind.BOOL)),
        Arbitraries.just(new DocScalar(NOWHERE, "null", ScalarKind.NULL)));
  }

  private static String floatText(double x) {
    String plain = BigDecimal.valueOf(x).toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  /** Text that stresses quoting: look-alikes of other types, YAML indicators, whitespace, non-ASCII. */
  private static Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange(' ', '~').withChars('\n', '\t', 'é', '日', '\u2028').ofMaxLength(12),
        Arbitraries.of("42", "-7", "0x1F", "0o17", "08", "0777", "-09", "1.5", "1e3", ".inf", "-.Inf", ".nan", "true", "False", "TRUE",
            "null", "Null", "~", "", " ", "yes", "no", "on", "- x", "a: b", "#c", "&a", "*a", "!t", "|", ">", "'", "\"",
            "%", "@", "`", "{}", "[]", "? x", "---", "...", "=", "<<", "12:30", "02:00:00:00:00:01", "10.0.0.0/24"));
  }
}
