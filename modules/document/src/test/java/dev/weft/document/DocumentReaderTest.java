package dev.weft.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.document.DocNode.DocList;
import dev.weft.document.DocNode.DocMap;
import dev.weft.document.DocNode.DocScalar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReaderTest {
  private final DocumentReader reader = new DocumentReader();
  private final Diagnostics diagnostics = new Diagnostics();

  private DocNode one(String yaml) {
    List<DocNode> docs = reader.parseYaml("t.yaml", yaml, diagnostics);
    assertThat(docs).hasSize(1);
    return docs.getFirst();
  }

  private static DocMap map(DocNode n) {
    return (DocMap) n;
  }

  @Test
  void keysAndValuesKeepTheirLocations() {
    DocMap root = map(one("""
        name: lab
        hosts:
          - name: h1
            underlay: 192.168.0.1/24
        """));
    assertThat(root.location()).isEqualTo(new Location("t.yaml", 1, 1));
    assertThat(root.entry("hosts").orElseThrow().keyLocation()).isEqualTo(new Location("t.yaml", 2, 1));
    DocList hosts = (DocList) root.get("hosts").orElseThrow();
    assertThat(hosts.location()).isEqualTo(new Location("t.yaml", 3, 3));
    DocMap h1 = map(hosts.items().getFirst());
    assertThat(h1.entry("underlay").orElseThrow().keyLocation()).isEqualTo(new Location("t.yaml", 4, 5));
    assertThat(h1.get("underlay").orElseThrow().location()).isEqualTo(new Location("t.yaml", 4, 15));
    assertThat(diagnostics.isEmpty()).isTrue();
  }

  @Test
  void scalarsResolveByTheYaml12CoreSchema() {
    DocMap m = map(one("""
        s: text
        q: "42"
        i: 42
        h: 0x1F
        o: 0o17
        z: 08
        zz: 0777
        nz: -09
        f: 1.5
        b: true
        B: True
        y: yes
        n: ~
        e:
        mac: 12:34:56:78:9a:bc
        """));
    assertThat(kind(m, "s")).isEqualTo(ScalarKind.STRING);
    assertThat(kind(m, "q")).isEqualTo(ScalarKind.STRING);
    assertThat(kind(m, "i")).isEqualTo(ScalarKind.INT);
    assertThat(((DocScalar) m.get("h").orElseThrow()).integerValue()).hasValue(java.math.BigInteger.valueOf(31));
    assertThat(((DocScalar) m.get("o").orElseThrow()).integerValue()).hasValue(java.math.BigInteger.valueOf(15));
    // a leading zero is decimal in 1.2 (1.1 read 0777 as octal and rejected 08)
    assertThat(((DocScalar) m.get("z").orElseThrow()).integerValue()).hasValue(java.math.BigInteger.valueOf(8));
    assertThat(((DocScalar) m.get("zz").orElseThrow()).integerValue()).hasValue(java.math.BigInteger.valueOf(777));
    assertThat(((DocScalar) m.get("nz").orElseThrow()).integerValue()).hasValue(java.math.BigInteger.valueOf(-9));
    assertThat(kind(m, "f")).isEqualTo(ScalarKind.FLOAT);
    assertThat(kind(m, "b")).isEqualTo(ScalarKind.BOOL);
    assertThat(kind(m, "B")).isEqualTo(ScalarKind.BOOL);
    assertThat(kind(m, "y")).isEqualTo(ScalarKind.STRING);
    assertThat(kind(m, "n")).isEqualTo(ScalarKind.NULL);
    assertThat(kind(m, "e")).isEqualTo(ScalarKind.NULL);
    assertThat(((DocScalar) m.get("mac").orElseThrow()).text()).isEqualTo("12:34:56:78:9a:bc");
  }

  private static ScalarKind kind(DocMap m, String key) {
    return ((DocScalar) m.get(key).orElseThrow()).kind();
  }

  @Test
  void readsEveryDocumentOfAStream() {
    List<DocNode> docs = reader.parseYaml("t.yaml", "a: 1\n---\nb: [1, 2]\n---\n- x\n", diagnostics);
    assertThat(docs).hasSize(3);
    assertThat(docs.get(1).location().line()).isEqualTo(3);
    assertThat(docs.get(2)).isInstanceOf(DocList.class);
    assertThat(reader.parseYaml("t.yaml", "", diagnostics)).isEmpty();
    assertThat(reader.parseYaml("t.yaml", "# only a comment\n", diagnostics)).isEmpty();
  }

  @Test
  void duplicateKeysAreReportedAtTheSecondKey() {
    one("a: 1\nb:\n  c: 1\n  c: 2\n");
    assertThat(diagnostics.errors()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(DocumentProblem.DUPLICATE_KEY);
      assertThat(d.location()).isEqualTo(new Location("t.yaml", 4, 3));
      assertThat(d.path()).hasToString("b.c");
      assertThat(d.message()).contains("first set at line 3");
    });
  }

  @Test
  void syntaxErrorsBecomeDiagnosticsAtTheProblem() {
    List<DocNode> docs = reader.parseYaml("t.yaml", "ok: 1\n---\na: [1, 2\n", diagnostics);
    assertThat(docs).hasSize(1);
    Diagnostic d = diagnostics.errors().getFirst();
    assertThat(d.kind()).isEqualTo(DocumentProblem.SYNTAX);
    assertThat(d.location()).isEqualTo(new Location("t.yaml", 4, 1));
    assertThat(d.message()).contains("while parsing a flow sequence").contains("expected ',' or ']'").doesNotContain("\n");
    assertThat(d.format()).startsWith("t.yaml:4:1: error: while parsing");
  }

  @Test
  void badIndentationAndTabsAreSyntaxErrors() {
    reader.parseYaml("t.yaml", "a: 1\n b: 2\n", diagnostics);
    reader.parseYaml("u.yaml", "key: value\n\tbad: tab\n", diagnostics);
    assertThat(diagnostics.errors()).extracting(d -> d.location().toString()).containsExactly("t.yaml:2:3", "u.yaml:2:1");
    assertThat(diagnostics.errors().get(1).message()).contains("TAB");
  }

  @Test
  void aliasesResolveAndMergeKeysFillMissingEntries() {
    DocMap m = map(one("""
        base: &b {mtu: 1450, ipMasq: true}
        br0:
          <<: *b
          mtu: 9000
        copy: *b
        """));
    DocMap br0 = map(m.get("br0").orElseThrow());
    assertThat(br0.entries().keySet()).containsExactly("mtu", "ipMasq");
    assertThat(((DocScalar) br0.get("mtu").orElseThrow()).text()).isEqualTo("9000");
    assertThat(m.get("copy").orElseThrow().sameContent(m.get("base").orElseThrow())).isTrue();
    assertThat(diagnostics.isEmpty()).isTrue();
  }

  @Test
  void unknownAliasIsReported() {
    one("a: *nope\n");
    assertThat(diagnostics.errors()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(DocumentProblem.UNKNOWN_ANCHOR);
      assertThat(d.path()).hasToString("a");
      assertThat(d.location().line()).isEqualTo(1);
    });
  }

  @Test
  void jsonKeepsLocationsAndReportsErrors() {
    List<DocNode> docs = reader.parseJson("c.json", "{\n  \"cniVersion\": \"1.0.0\",\n  \"plugins\": [ {\"type\": \"bridge\"} ]\n}", diagnostics);
    DocMap m = map(docs.getFirst());
    assertThat(m.entry("plugins").orElseThrow().keyLocation()).isEqualTo(new Location("c.json", 3, 3));
    assertThat(diagnostics.isEmpty()).isTrue();
    reader.parseJson("d.json", "{\n  \"a\": 1,\n}\n", diagnostics);
    assertThat(diagnostics.errors()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(DocumentProblem.SYNTAX);
      assertThat(d.location().line()).isEqualTo(3);
      assertThat(d.expected()).hasValue("valid JSON");
    });
  }

  @Test
  void complexKeysAreASyntaxErrorNotAnException() {
    reader.parseYaml("t.yaml", "? [a, b]\n: 1\n", diagnostics);
    assertThat(diagnostics.errors()).singleElement().extracting(Diagnostic::kind).isEqualTo(DocumentProblem.SYNTAX);
  }

  @Test
  void filesAreReadByExtensionAndMissingFilesReported(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("x.json");
    Files.writeString(json, "[1, 2]");
    assertThat(reader.read(json, diagnostics)).singleElement().isInstanceOf(DocList.class);
    assertThat(reader.read(dir.resolve("missing.yaml"), diagnostics)).isEmpty();
    Path binary = dir.resolve("bad.yaml");
    Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
    assertThat(reader.read(binary, diagnostics)).isEmpty();
    assertThat(diagnostics.errors()).extracting(Diagnostic::format).containsExactly(
        dir.resolve("missing.yaml") + ": error: cannot read the file: no such file (expected a readable file)",
        binary + ": error: the file is not valid UTF-8 (expected UTF-8 text)");
  }

  @Test
  void deepNestingIsReportedNotThrown() {
    String deep = "[".repeat(2000) + "]".repeat(2000);
    reader.parseYaml("t.yaml", deep, diagnostics);
    reader.parseJson("t.json", deep, diagnostics);
    assertThat(diagnostics.errors()).hasSize(2).allSatisfy(d -> assertThat(d.kind()).isEqualTo(DocumentProblem.SYNTAX));
  }
}
