package dev.weft.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.Vni;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapReaderTest {
  private final Diagnostics diagnostics = new Diagnostics();

  private MapReader read(String yaml, String... keys) {
    DocNode doc = new DocumentReader().parseYaml("t.yaml", yaml, diagnostics).getFirst();
    return Element.root(doc, diagnostics).map(keys).orElseThrow();
  }

  @Test
  void unknownKeysGetADidYouMeanHint() {
    read("name: x\nnamespces: []\n", "name", "namespaces", "bridges");
    Diagnostic d = diagnostics.errors().getFirst();
    assertThat(d.kind()).isEqualTo(DocumentProblem.UNKNOWN_KEY);
    assertThat(d.format()).isEqualTo(
        "t.yaml:2:1: error: namespces: unknown key 'namespces' (expected one of: name, namespaces, bridges)"
            + " [did you mean 'namespaces'?]");
  }

  @Test
  void unknownKeyFarFromAnyCandidateHasNoHint() {
    read("zzz: 1\n", "name", "mode");
    assertThat(diagnostics.errors().getFirst().hint()).isEmpty();
  }

  @Test
  void missingRequiredKeyIsReportedAtTheMapWithTheFieldPath() {
    MapReader m = read("hosts:\n  - {mode: bridge}\n", "hosts");
    MapReader host = m.list("hosts").getFirst().map("name", "mode").orElseThrow();
    assertThat(host.requireString("name")).isEmpty();
    assertThat(diagnostics.errors()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(DocumentProblem.MISSING_KEY);
      assertThat(d.path()).hasToString("hosts[0].name");
      assertThat(d.location()).isEqualTo(new Location("t.yaml", 2, 5));
      assertThat(d.expected()).hasValue("a string");
    });
  }

  @Test
  void typedGettersReportMismatchesWithTheExpectedType() {
    MapReader m = read("""
        name: 42
        count: "20"
        on: yes
        list: {a: 1}
        big: 99999999999
        sub: [1]
        """, "name", "count", "on", "list", "big", "sub");
    assertThat(m.string("name")).isEmpty();
    assertThat(m.integer("count", 0, 100)).isEmpty();
    assertThat(m.bool("on", false)).isFalse();
    assertThat(m.list("list")).isEmpty();
    assertThat(m.integer("big", 0, Integer.MAX_VALUE)).isEmpty();
    assertThat(m.map("sub", "x")).isEmpty();
    assertThat(diagnostics.errors()).extracting(Diagnostic::format).containsExactly(
        "t.yaml:1:7: error: name: wrong type: got an integer (42) (expected a string) [quote it if you mean the text: \"42\"]",
        "t.yaml:2:8: error: count: wrong type: got a string \"20\" (expected an integer from 0 to 100) [remove the quotes]",
        "t.yaml:3:5: error: on: wrong type: got a string \"yes\" (expected true or false)"
            + " [YAML 1.2 reads 'yes' as a string; write true or false]",
        "t.yaml:4:7: error: list: wrong type: got a map (expected a list)",
        "t.yaml:5:6: error: big: 99999999999 is out of range (expected an integer from 0 to 2147483647)",
        "t.yaml:6:6: error: sub: wrong type: got a list (expected a map with keys x)");
  }

  @Test
  void valueFactoriesTurnInvalidValuesIntoLocatedDiagnostics() {
    MapReader m = read("subnet: 10.0.0.5/24\nvni: 16777216\nok: 10.1.0.0/16\nnested: {a: 1}\n", "subnet", "vni", "ok", "nested");
    assertThat(m.value("subnet", Cidr::parse)).isEmpty();
    assertThat(m.value("vni", Vni::parse)).isEmpty();
    assertThat(m.located("ok", Cidr::parse)).hasValueSatisfying(l -> {
      assertThat(l.value()).isEqualTo(Cidr.parse("10.1.0.0/16"));
      assertThat(l.origin().location().line()).isEqualTo(3);
      assertThat(l.origin().path()).hasToString("ok");
    });
    assertThat(m.value("nested", Cidr::parse)).isEmpty();
    List<Diagnostic> errors = diagnostics.errors();
    assertThat(errors).extracting(Diagnostic::kind).containsExactly(
        DocumentProblem.INVALID_VALUE, DocumentProblem.INVALID_VALUE, DocumentProblem.WRONG_TYPE);
    assertThat(errors.get(0).format()).isEqualTo(
        "t.yaml:1:9: error: subnet: invalid CIDR '10.0.0.5/24' (expected no host bits set after /24"
            + " (did you mean 10.0.0.0/24?))");
    assertThat(errors.get(1).expected()).hasValue("a number from 0 to 16777215");
    assertThat(errors.get(2).expected()).hasValueSatisfying(e -> assertThat(e).contains("CIDR"));
  }

  @Test
  void nullCountsAsEmptyForListsAndMaps() {
    MapReader m = read("items:\nopts:\n", "items", "opts");
    assertThat(m.list("items")).isEmpty();
    assertThat(m.map("opts", "a")).hasValueSatisfying(o -> assertThat(o.has("a")).isFalse());
    assertThat(diagnostics.isEmpty()).isTrue();
  }

  @Test
  void askingForAnUndeclaredKeyIsACallerBug() {
    MapReader m = read("a: 1\n", "a");
    assertThatThrownBy(() -> m.get("b")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'b'");
  }

  @Test
  void openMapsAcceptAnyKeyInOrder() {
    DocNode doc = new DocumentReader().parseYaml("t.yaml", "labels: {app: web, \"kubernetes.io/x\": y}\n", diagnostics).getFirst();
    MapReader labels = Element.root(doc, diagnostics).map("labels").orElseThrow().get("labels").orElseThrow()
        .openMap().orElseThrow();
    assertThat(labels.elements().keySet()).containsExactly("app", "kubernetes.io/x");
    assertThat(labels.elements().get("kubernetes.io/x").path()).hasToString("labels[\"kubernetes.io/x\"]");
    assertThat(labels.string("app")).hasValue("web");
    assertThat(diagnostics.isEmpty()).isTrue();
  }
}
