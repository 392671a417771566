package dev.weft.policy.manifest;

import dev.weft.document.DocNode;
import dev.weft.document.DocumentFormat;
import dev.weft.document.DocumentProblem;
import dev.weft.document.DocumentReader;
import dev.weft.document.Diagnostics;
import dev.weft.document.Element;
import dev.weft.document.Origin;
import dev.weft.model.value.Cidr;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.ClusterBuilder;
import dev.weft.policy.model.KubeNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads Kubernetes manifests into a {@link Cluster}: files or directories (recursively, {@code *.yaml},
 * {@code *.yml}, {@code *.json}, in path order), multi-document YAML, {@code kind: List}. Never throws on bad
 * input: problems come back as located diagnostics, and any error makes the load {@link ManifestLoad.Invalid}.
 * What it assumes (undeclared namespaces, materialised pods, synthesised IPs) comes back as warnings; see
 * {@link PodMaterializer} and {@link ClusterBuilder}.
 */
public final class ManifestLoader {
  private final Cidr podCidr;

  public ManifestLoader() {
    this(Cidr.parse(ClusterBuilder.DEFAULT_POD_CIDR));
  }

  /** @param podCidr where pods without status.podIP get their synthesised addresses */
  public ManifestLoader(Cidr podCidr) {
    this.podCidr = podCidr;
  }

  public ManifestLoad load(List<Path> paths) {
    Diagnostics diags = new Diagnostics();
    ObjectSink sink = new ObjectSink();
    DocumentReader reader = new DocumentReader();
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      files.addAll(expand(p, diags));
    }
    for (Path f : files) {
      read(reader.read(f, diags), sink, diags);
    }
    return finish(sink, diags, paths.isEmpty() ? "" : paths.getFirst().toString());
  }

  /** Reads manifests from text, naming it {@code file} in diagnostics (for tests and stdin). */
  public ManifestLoad loadText(String file, String text) {
    Diagnostics diags = new Diagnostics();
    ObjectSink sink = new ObjectSink();
    DocumentFormat format = file.endsWith(".json") ? DocumentFormat.JSON : DocumentFormat.YAML;
    read(new DocumentReader().parse(file, text, format, diags), sink, diags);
    return finish(sink, diags, file);
  }

  private static void read(List<DocNode> docs, ObjectSink sink, Diagnostics diags) {
    ObjectReader r = new ObjectReader(sink);
    docs.forEach(d -> r.read(Element.root(d, diags)));
  }

  private static List<Path> expand(Path p, Diagnostics diags) {
    if (!Files.exists(p)) {
      diags.error(DocumentProblem.UNREADABLE, Origin.ofFile(p.toString()), "no such file or directory", "a manifest file or a directory of them");
      return List.of();
    }
    if (!Files.isDirectory(p)) {
      return List.of(p);
    }
    try (Stream<Path> s = Files.walk(p)) {
      return s.filter(Files::isRegularFile).filter(ManifestLoader::isManifest).sorted().toList();
    } catch (IOException e) {
      diags.error(DocumentProblem.UNREADABLE, Origin.ofFile(p.toString()), "cannot list directory: " + e.getMessage(), "a readable directory");
      return List.of();
    }
  }

  private static boolean isManifest(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  private ManifestLoad finish(ObjectSink sink, Diagnostics diags, String firstFile) {
    sink.ignoredFirst.forEach((kind, at) -> diags.warning(ManifestProblem.IGNORED_KIND, at,
        "kind " + kind + " is not used by weft verify: " + sink.ignoredCount.get(kind) + " object(s) ignored", "Namespace, Pod, workloads, Service, NetworkPolicy, AdminNetworkPolicy"));
    if (diags.hasErrors()) {
      return new ManifestLoad.Invalid(diags.sorted());
    }
    ClusterBuilder b = new ClusterBuilder().podCidr(podCidr);
    sink.namespaces.forEach(b::namespace);
    sink.namespaceUse.forEach((ns, at) -> {
      if (!b.hasNamespace(ns)) {
        b.namespace(KubeNamespace.withDefaultLabels(ns));
        diags.warning(ManifestProblem.ASSUMED, at, "namespace '" + ns + "' is used but not declared: assumed with only the label "
            + KubeNamespace.NAME_LABEL + "=" + ns + " (as the API server sets it)", "a Namespace object");
      }
    });
    new PodMaterializer(sink, diags).addTo(b);
    sink.services.forEach(b::service);
    sink.policies.forEach(b::policy);
    sink.admins.forEach(b::admin);
    Cluster c;
    try {
      c = b.build();
    } catch (ClusterBuilder.PodCidrFullException e) {
      diags.error(ManifestProblem.ASSUMED, Origin.ofFile(firstFile), e.getMessage(), "a pod CIDR with room for every pod");
      return new ManifestLoad.Invalid(diags.sorted());
    }
    for (String note : c.notes()) {
      diags.warning(ManifestProblem.ASSUMED, Origin.ofFile(firstFile), note, "complete manifests");
    }
    return new ManifestLoad.Loaded(c, diags.sorted());
  }
}
