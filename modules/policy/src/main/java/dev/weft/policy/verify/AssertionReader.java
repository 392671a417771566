package dev.weft.policy.verify;

import dev.weft.document.DocNode;
import dev.weft.document.DocumentFormat;
import dev.weft.document.DocumentReader;
import dev.weft.document.Diagnostic;
import dev.weft.document.Diagnostics;
import dev.weft.document.Element;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.PortRange;
import dev.weft.policy.manifest.ManifestProblem;
import dev.weft.policy.model.LabelSelector;
import dev.weft.policy.model.Protocol;
import dev.weft.policy.ports.PortSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an assertions file:
 *
 * <pre>{@code
 * assertions:
 *   - name: prod must not reach dev
 *     from: {namespace: prod}
 *     to: {namespace: dev}
 *     expect: deny                    # nothing at all (or only the listed ports, with ports:)
 *   - name: frontend reaches backend on TCP 8080 only
 *     from: {workload: shop/frontend}
 *     to: {namespace: shop, podSelector: {matchLabels: {app: backend}}}
 *     expect: allowOnly               # exactly these ports
 *     ports: [TCP/8080]
 *   - name: web reaches DNS
 *     from: {namespaceSelector: {matchLabels: {team: web}}}
 *     to: {namespace: kube-system, podSelector: {matchLabels: {k8s-app: kube-dns}}}
 *     expect: allow                   # at least these ports
 *     ports: [UDP/53, TCP/53]
 *   - name: no pod reaches the metadata API
 *     from: {}
 *     to: {cidr: 169.254.169.254/32}
 *     expect: deny
 * }</pre>
 *
 * Selection keys (all optional, ANDed): namespace, namespaceSelector, podSelector, workload (NS/NAME), pod
 * (NS/NAME), cidr (external addresses, and pods whose IP is inside). Ports: {@code PROTO/PORT},
 * {@code PROTO/FIRST-LAST} or {@code PROTO} for all its ports. Problems are located diagnostics.
 */
public final class AssertionReader {
  /** The assertions, or the problems that stop them from being read. */
  public sealed interface Result {
    /** Read. */
    record Read(List<Assertion> assertions) implements Result {}

    /** Errors with file and line. */
    record Invalid(List<Diagnostic> diagnostics) implements Result {}
  }

  public Result read(Path file) {
    Diagnostics d = new Diagnostics();
    return finish(new DocumentReader().read(file, d), d);
  }

  public Result parse(String file, String text) {
    Diagnostics d = new Diagnostics();
    return finish(new DocumentReader().parse(file, text, DocumentFormat.YAML, d), d);
  }

  private Result finish(List<DocNode> docs, Diagnostics d) {
    List<Assertion> out = new ArrayList<>();
    for (DocNode doc : docs) {
      Element.root(doc, d).map("assertions").ifPresent(root -> {
        for (Element e : root.list("assertions")) {
          assertion(e).ifPresent(out::add);
        }
      });
    }
    if (d.hasErrors()) {
      return new Result.Invalid(d.sorted());
    }
    return new Result.Read(out);
  }

  private static Optional<Assertion> assertion(Element e) {
    return e.map("name", "from", "to", "expect", "ports").flatMap(m -> {
      Optional<String> name = m.requireString("name");
      Optional<Assertion.Selection> from = m.require("from", "a selection such as {namespace: prod}").flatMap(AssertionReader::selection);
      Optional<Assertion.Selection> to = m.require("to", "a selection such as {namespace: dev}").flatMap(AssertionReader::selection);
      Optional<Assertion.Expect> expect = m.requireString("expect").flatMap(t -> {
        Optional<Assertion.Expect> x = switch (t) {
          case "allow" -> Optional.of(Assertion.Expect.ALLOW);
          case "allowOnly" -> Optional.of(Assertion.Expect.ALLOW_ONLY);
          case "deny" -> Optional.of(Assertion.Expect.DENY);
          default -> Optional.empty();
        };
        if (x.isEmpty()) {
          m.get("expect").ifPresent(el -> el.error(ManifestProblem.INVALID_POLICY, "unknown expectation '" + t + "'", "allow, allowOnly or deny"));
        }
        return x;
      });
      Optional<PortSet> ports = Optional.empty();
      if (m.has("ports")) {
        PortSet set = PortSet.EMPTY;
        for (Element p : m.list("ports")) {
          set = set.union(p.value(AssertionReader::portSpec).orElse(PortSet.EMPTY));
        }
        ports = Optional.of(set);
      }
      if (expect.isPresent() && expect.get() == Assertion.Expect.ALLOW_ONLY && ports.isEmpty()) {
        e.error(ManifestProblem.INVALID_POLICY, "allowOnly needs ports", "ports: [TCP/8080]");
        return Optional.empty();
      }
      if (name.isEmpty() || from.isEmpty() || to.isEmpty() || expect.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Assertion(name.get(), from.get(), to.get(), expect.get(), ports, e.origin()));
    });
  }

  /** {@code TCP/80}, {@code UDP/8000-8080}, {@code SCTP} (all ports); protocol case-insensitive. */
  static PortSet portSpec(String text) {
    int slash = text.indexOf('/');
    String proto = slash < 0 ? text : text.substring(0, slash);
    Protocol p = Protocol.parse(proto).orElseThrow(() -> new IllegalArgumentException("expected PROTO/PORT such as TCP/8080, UDP/53, SCTP/9000-9100 or TCP"));
    if (slash < 0) {
      return PortSet.allOf(p);
    }
    PortRange r = PortRange.parse(text.substring(slash + 1));
    if (r.first() < 1) {
      throw new IllegalArgumentException("ports start at 1");
    }
    return PortSet.of(p, r);
  }

  private static Optional<Assertion.Selection> selection(Element e) {
    return e.map("namespace", "namespaceSelector", "podSelector", "workload", "pod", "cidr").map(m -> new Assertion.Selection(
        m.string("namespace"),
        m.get("namespaceSelector").flatMap(AssertionReader::selector),
        m.get("podSelector").flatMap(AssertionReader::selector),
        m.string("workload"),
        m.string("pod"),
        m.value("cidr", Cidr::parseLenient)));
  }

  private static Optional<LabelSelector> selector(Element e) {
    return dev.weft.policy.manifest.Selectors.selector(e);
  }
}
