package dev.weft.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.document.DocNode;
import dev.weft.document.DocWriter;
import dev.weft.document.Diagnostics;
import dev.weft.document.DocumentReader;
import dev.weft.topology.TreeEdits.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The mutations of {@link MutatedExampleProperties}, applied at every site of every example rather than
 * at sampled ones: each of the several hundred mutants must be invalid.
 */
class ExhaustiveMutationTest {

  @Test
  void everyMutantOfEveryExampleIsInvalid() throws Exception {
    TopologyLoader loader = new TopologyLoader();
    DocWriter writer = new DocWriter();
    Map<MutatedExampleProperties.Mutation, Integer> counts = new EnumMap<>(MutatedExampleProperties.Mutation.class);
    List<String> accepted = new ArrayList<>();
    for (Path example : Examples.all()) {
      DocNode tree = new DocumentReader().parseYaml(example.toString(), Files.readString(example), new Diagnostics())
          .getFirst();
      for (MutatedExampleProperties.Mutation m : MutatedExampleProperties.Mutation.values()) {
        for (Site site : TreeEdits.sites(tree).stream().filter(m.applies).toList()) {
          String text;
          try {
            text = writer.toYaml(m.apply.apply(tree, site));
          } catch (TestAbortedException notApplicable) {
            continue;
          }
          counts.merge(m, 1, Integer::sum);
          TopologyLoad load = loader.load("mutant.yaml", text);
          if (!(load instanceof TopologyLoad.Invalid)) {
            accepted.add(example.getFileName() + " " + m + " at " + site.path());
          }
        }
      }
    }
    assertThat(accepted).isEmpty();
    assertThat(counts.keySet()).containsExactlyInAnyOrder(MutatedExampleProperties.Mutation.values());
    assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(500);
  }
}
