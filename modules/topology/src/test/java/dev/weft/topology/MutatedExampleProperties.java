package dev.weft.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.document.Diagnostic;
import dev.weft.document.Diagnostics;
import dev.weft.document.DocNode;
import dev.weft.document.DocNode.DocList;
import dev.weft.document.DocNode.DocMap;
import dev.weft.document.DocNode.DocScalar;
import dev.weft.document.DocWriter;
import dev.weft.document.DocumentReader;
import dev.weft.document.ScalarKind;
import dev.weft.topology.TreeEdits.Site;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Breaks the valid examples in one place each, in ways that must be reported: a required key deleted,
 * a key misspelt, a value of the wrong type, a VNI out of range, an interface name too long, a name
 * duplicated, a reference to nothing. Every mutant must load as invalid, with at least one error, every
 * error on a line of the file, and no exception.
 */
class MutatedExampleProperties {
  private static final DocumentReader READER = new DocumentReader();
  private static final DocWriter WRITER = new DocWriter();
  private final TopologyLoader loader = new TopologyLoader();

  /** A way to break a tree at a site, if the site is one it applies to. */
  enum Mutation {
    DELETE_REQUIRED_KEY(MutatedExampleProperties::isRequired, (root, s) -> TreeEdits.edit(root, s.path(), n -> Optional.empty())),
    MISSPELL_KEY(s -> s.key().isPresent(), (root, s) -> TreeEdits.renameKey(root, s.path().subList(0, s.path().size() - 1),
        s.key().orElseThrow(), s.key().orElseThrow() + "_")),
    WRONG_TYPE(s -> !s.path().isEmpty(), (root, s) -> TreeEdits.edit(root, s.path(), n -> Optional.of(wrongTypeFor(n)))),
    VNI_OUT_OF_RANGE(s -> s.key().filter("vni"::equals).isPresent(), (root, s) -> TreeEdits.edit(root, s.path(),
        n -> Optional.of(new DocScalar(TreeEdits.NOWHERE, "16777216", ScalarKind.INT)))),
    LONG_INTERFACE_NAME(MutatedExampleProperties::isInterfaceName, (root, s) -> TreeEdits.edit(root, s.path(),
        n -> Optional.of(TreeEdits.text(lengthen(((DocScalar) n).text()))))),
    DUPLICATE_NAME(MutatedExampleProperties::hasNamedSibling, MutatedExampleProperties::copySiblingName),
    DANGLING_REFERENCE(MutatedExampleProperties::isReference, (root, s) -> TreeEdits.edit(root, s.path(),
        n -> Optional.of(TreeEdits.text(s.under("endpoints") ? "nothing0:eth0" : "nothing0"))));

    final Predicate<Site> applies;
    final BiFunction<DocNode, Site, DocNode> apply;

    Mutation(Predicate<Site> applies, BiFunction<DocNode, Site, DocNode> apply) {
      this.applies = applies;
      this.apply = apply;
    }
  }

  @Property(tries = 400)
  void everyMutantIsReportedOnALineOfTheFile(@ForAll("examples") Path example, @ForAll Mutation mutation,
      @ForAll @IntRange(max = 10_000) int pick) {
    DocNode tree = parse(example);
    List<Site> sites = TreeEdits.sites(tree).stream().filter(mutation.applies).toList();
    Assume.that(!sites.isEmpty());
    Site site = sites.get(pick % sites.size());
    String text = WRITER.toYaml(mutation.apply.apply(tree, site));
    TopologyLoad load = loader.load("mutant.yaml", text);
    String why = mutation + " at " + site.path() + "\n" + text + "\n" + load.diagnostics();
    assertThat(load).as(why).isInstanceOf(TopologyLoad.Invalid.class);
    List<Diagnostic> errors = ((TopologyLoad.Invalid) load).errors();
    assertThat(errors).as(why).isNotEmpty();
    long lines = text.lines().count();
    assertThat(errors).as(why).allSatisfy(d -> assertThat(d.location().line()).isBetween(1, (int) lines + 1));
  }

  /** Tricky scalars anywhere: the load may be valid or not, but nothing throws and errors are located. */
  @Property(tries = 400)
  void arbitraryScalarEditsNeverThrow(@ForAll("examples") Path example, @ForAll @IntRange(max = 10_000) int pick,
      @ForAll("tricky") DocScalar value) {
    DocNode tree = parse(example);
    List<Site> scalars = TreeEdits.sites(tree).stream().filter(s -> s.node() instanceof DocScalar).toList();
    Site site = scalars.get(pick % scalars.size());
    String text = WRITER.toYaml(TreeEdits.edit(tree, site.path(), n -> Optional.of(value)));
    TopologyLoad load = loader.load("edited.yaml", text);
    long lines = text.lines().count();
    assertThat(load.diagnostics()).as(text).allSatisfy(d -> {
      assertThat(d.location().line()).isBetween(1, (int) lines + 1);
      assertThat(d.kind()).isNotEqualTo(TopologyProblem.MODEL_INVARIANT);
    });
  }

  @Provide
  Arbitrary<Path> examples() {
    return Arbitraries.of(Examples.all());
  }

  @Provide
  Arbitrary<DocScalar> tricky() {
    return Arbitraries.oneOf(
        Arbitraries.of("", "0", "-1", "65536", "10.0.0.1/33", "10.0.0.0/8", "10.1.0.1/24", "192.168.1.1", "::", "fd00::1/64",
            "default", "a:b", ":", "host1", "br0", "eth0", "lo", "pod1:eth0", "x".repeat(70), "overlay", "none", "l3",
            "02:00:00:00:00:01", "ff:ff:ff:ff:ff:ff").map(TreeEdits::text),
        Arbitraries.of("0", "1", "67", "68", "1449", "1500", "4294967296", "-5", "16777215").map(
            t -> new DocScalar(TreeEdits.NOWHERE, t, ScalarKind.INT)),
        Arbitraries.of("true", "false").map(t -> new DocScalar(TreeEdits.NOWHERE, t, ScalarKind.BOOL)),
        Arbitraries.just(new DocScalar(TreeEdits.NOWHERE, "null", ScalarKind.NULL)));
  }

  private static DocNode parse(Path example) {
    try {
      Diagnostics d = new Diagnostics();
      return READER.parseYaml(example.toString(), Files.readString(example), d).getFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final Set<String> ALWAYS_REQUIRED = Set.of("name", "dst", "endpoints", "host", "type", "count", "network");

  private static boolean isRequired(Site s) {
    String key = s.key().orElse("");
    if (s.path().size() == 1) {
      return key.equals("name") || key.equals("hosts");
    }
    return ALWAYS_REQUIRED.contains(key) && !s.under("underlay")
        || key.equals("mode") && (s.under("namespaces") || s.under("pods"))
        || key.equals("bridge") && (s.under("pods") || s.under("members"))
        || key.equals("vni") && s.under("overlays");
  }

  private static boolean isInterfaceName(Site s) {
    String key = s.key().orElse("");
    return s.node() instanceof DocScalar && (key.equals("name") && (s.under("interfaces") || s.under("uplinks")
        || s.under("bridges")) || key.equals("bridge") || key.equals("device") || key.equals("dev")
        || key.equals("uplink") || s.under("endpoints"));
  }

  private static String lengthen(String name) {
    int colon = name.indexOf(':');
    return colon < 0 ? name + "-far-too-long" : name + "-far-too-long"; // the interface part is last either way
  }

  private static boolean isReference(Site s) {
    String key = s.key().orElse("");
    return s.node() instanceof DocScalar && (s.under("endpoints") || key.equals("network") || key.equals("dev")
        || key.equals("host") && s.under("members") || key.equals("bridge") && (s.under("members") || s.under("pods")));
  }

  /** A list item with a name, in a list with another named item: it can take the other's name. */
  private static boolean hasNamedSibling(Site s) {
    return s.path().size() >= 2 && s.path().getLast() instanceof Integer && s.node() instanceof DocMap m
        && m.get("name").isPresent() && !s.listKey().filter(k -> k.equals("endpoints")).isPresent();
  }

  private static DocNode copySiblingName(DocNode root, Site s) {
    List<Object> listPath = s.path().subList(0, s.path().size() - 1);
    DocList list = (DocList) TreeEdits.sites(root).stream().filter(x -> x.path().equals(listPath)).findFirst()
        .orElseThrow().node();
    int index = (Integer) s.path().getLast();
    Assume.that(list.items().size() >= 2);
    DocNode other = list.items().get(index == 0 ? 1 : 0);
    DocNode otherName = ((DocMap) other).get("name").orElseThrow();
    return TreeEdits.edit(root, TreeEdits.append(s.path(), "name"), n -> Optional.of(otherName));
  }

  private static DocNode wrongTypeFor(DocNode n) {
    LinkedHashMap<String, DocNode.DocEntry> entries = new LinkedHashMap<>();
    entries.put("x", new DocNode.DocEntry("x", TreeEdits.NOWHERE, TreeEdits.text("1")));
    return switch (n) {
      case DocScalar s -> new DocMap(TreeEdits.NOWHERE, entries);
      case DocList l -> TreeEdits.text("not a list");
      case DocMap m -> new DocList(TreeEdits.NOWHERE, List.of(TreeEdits.text("not a map")));
    };
  }
}
