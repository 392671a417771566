package dev.weft.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DiagnosticTest {
  private static final Origin AT = new Origin(new Location("lab.yaml", 7, 9), FieldPath.parse("hosts[0].namespaces[2].name"));

  @Test
  void textFormLeavesOutWhatDoesNotApply() {
    Diagnostic full = Diagnostic.error(DocumentProblem.INVALID_VALUE, AT, "bad").expecting("good").withHint("try x");
    assertThat(full.format()).isEqualTo("lab.yaml:7:9: error: hosts[0].namespaces[2].name: bad (expected good) [try x]");
    assertThat(Diagnostic.warning(DocumentProblem.INVALID_VALUE, Origin.ofFile("lab.yaml"), "odd").format())
        .isEqualTo("lab.yaml: warning: odd");
  }

  @Test
  void recordsSerialiseToCleanJson() {
    Diagnostic d = Diagnostic.error(DocumentProblem.UNKNOWN_KEY, AT, "unknown key 'x'").expecting("one of: a");
    String json = JsonMapper.builder().build().writeValueAsString(d);
    assertThat(json).isEqualTo("{\"severity\":\"ERROR\",\"kind\":\"unknown-key\",\"location\":{\"file\":\"lab.yaml\","
        + "\"line\":7,\"column\":9},\"path\":\"hosts[0].namespaces[2].name\",\"message\":\"unknown key 'x'\","
        + "\"expected\":\"one of: a\",\"hint\":null}");
  }

  @Test
  void collectorCountsAndSortsByPosition() {
    Diagnostics ds = new Diagnostics();
    ds.warning(DocumentProblem.INVALID_VALUE, new Origin(new Location("a", 9, 1), FieldPath.root()), "w", "x");
    ds.error(DocumentProblem.INVALID_VALUE, new Origin(new Location("a", 2, 1), FieldPath.root()), "e", "x");
    assertThat(ds.hasErrors()).isTrue();
    assertThat(ds.errorCount()).isEqualTo(1);
    assertThat(ds.warnings()).hasSize(1);
    assertThat(ds.sorted()).extracting(Diagnostic::message).containsExactly("e", "w");
    assertThat(ds.all()).extracting(Diagnostic::message).containsExactly("w", "e");
  }

  @Test
  void fieldPathsQuoteKeysThatAreNotIdentifiers() {
    FieldPath p = FieldPath.root().key("metadata").key("annotations").key("a.b/c").index(3);
    assertThat(p).hasToString("metadata.annotations[\"a.b/c\"][3]");
    assertThat(FieldPath.parse("hosts[0].namespaces[2].name")).isEqualTo(
        FieldPath.root().key("hosts").index(0).key("namespaces").index(2).key("name"));
    assertThat(FieldPath.root()).hasToString("");
    assertThat(p.startsWith(FieldPath.parse("metadata"))).isTrue();
  }
}
