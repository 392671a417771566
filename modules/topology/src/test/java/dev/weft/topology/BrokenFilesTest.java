package dev.weft.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.weft.document.Diagnostic;
import dev.weft.document.DocumentProblem;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deliberately broken files in test resources: every mistake in a file is reported in one run. */
class BrokenFilesTest {
  private final TopologyLoader loader = new TopologyLoader();

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(BrokenFilesTest.class.getResource("/broken/" + name).toURI());
  }

  @Test
  void everyMistakeOfAFileIsReported() throws Exception {
    TopologyLoad load = loader.load(resource("many-mistakes.yaml"));
    assertThat(load).isInstanceOf(TopologyLoad.Invalid.class);
    List<Diagnostic> errors = ((TopologyLoad.Invalid) load).errors();
    assertThat(errors).extracting(d -> d.location().line(), d -> d.path().toString(), Diagnostic::kind)
        .containsExactly(
            tuple(10, "hosts[0].bridges[1]", TopologyProblem.SUBNET_OVERLAP),
            tuple(17, "hosts[0].namespaces[0].routes[0].via", TopologyProblem.OUTSIDE_SUBNET),
            tuple(19, "hosts[0].namespaces[1].mode", DocumentProblem.INVALID_VALUE),
            tuple(22, "hosts[0].veths[1].endpoints[0]", TopologyProblem.UNKNOWN_REFERENCE),
            tuple(23, "hosts[1].name", TopologyProblem.DUPLICATE_NAME),
            tuple(33, "overlays[0].vni", DocumentProblem.INVALID_VALUE),
            tuple(38, "overlays[1].lerning", DocumentProblem.UNKNOWN_KEY),
            tuple(39, "overlays[1].members[1].host", TopologyProblem.UNKNOWN_REFERENCE));
    assertThat(errors.get(6).hint()).hasValue("did you mean 'learning'?");
    assertThat(errors).allSatisfy(d -> assertThat(d.location().file()).endsWith("many-mistakes.yaml"));
  }

  @Test
  void aSyntaxErrorStopsWithOneDiagnosticAtTheProblem() throws Exception {
    TopologyLoad load = loader.load(resource("bad-syntax.yaml"));
    assertThat(load.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(DocumentProblem.SYNTAX);
      assertThat(d.location().line()).isEqualTo(7);
      assertThat(d.message()).contains("flow mapping");
    });
  }
}
