package dev.weft.lab.testing;

import dev.weft.model.Host;
import dev.weft.model.Interface;
import dev.weft.model.Namespace;
import dev.weft.model.NetworkModel;
import dev.weft.model.NetworkModelBuilder;
import dev.weft.model.Segment;
import dev.weft.model.netfilter.Ruleset;
import dev.weft.model.route.Route;
import dev.weft.model.route.RouteOrigin;
import dev.weft.model.value.Name;
import java.util.Map;

/**
 * A copy of a model with netfilter rule sets added: topology files cannot hold rules yet, so tests that
 * need rules in a lab add them to the loaded model.
 */
public final class ModelRules {
  private ModelRules() {}

  public static NetworkModel withRulesets(NetworkModel model, Map<Name, Ruleset> rules) {
    NetworkModelBuilder b = NetworkModel.builder(model.name());
    for (Host h : model.hosts()) {
      b.host(h, model.namespace(h.name()).orElseThrow().ipForward());
    }
    model.namespaces().stream().filter(n -> !n.isHostRoot()).forEach(b::namespace);
    model.segments().forEach(b::segment);
    model.allInterfaces().forEach(b::iface);
    for (Interface i : model.allInterfaces()) {
      model.peer(i.ref()).filter(p -> i.ref().compareTo(p.ref()) < 0).ifPresent(p -> b.vethPeer(i.ref(), p.ref()));
      model.master(i.ref()).ifPresent(m -> b.bridgePort(i.ref(), m.ref()));
      model.underlayOf(i.ref()).ifPresent(u -> b.tunnelOver(i.ref(), u.ref()));
      model.segmentOf(i.ref()).map(Segment::name).ifPresent(s -> b.attach(i.ref(), s));
    }
    for (Namespace n : model.namespaces()) {
      for (Route r : model.routes(n.name()).routes()) {
        if (r.origin() == RouteOrigin.STATIC) {
          b.route(n.name(), r);
        }
      }
      model.neighbors(n.name()).forEach(e -> b.neighbor(n.name(), e));
      Ruleset existing = model.ruleset(n.name());
      Ruleset added = rules.get(n.name());
      if (added != null) {
        b.ruleset(n.name(), added);
      } else if (!existing.isEmpty() && !n.sharesHostStack()) {
        b.ruleset(n.name(), existing);
      }
    }
    return b.build();
  }
}
