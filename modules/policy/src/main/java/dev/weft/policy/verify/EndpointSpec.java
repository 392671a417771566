package dev.weft.policy.verify;

import dev.weft.document.DidYouMean;
import dev.weft.model.value.InvalidValueException;
import dev.weft.model.value.IpAddress;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.Pod;
import dev.weft.policy.semantics.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a {@code --src}/{@code --dst} argument names: {@code NS/NAME} is a workload (all its pods) or else a
 * pod; an IP is the pod with that address or else an external address.
 */
public record EndpointSpec(String text, List<Endpoint> endpoints) {
  public EndpointSpec {
    endpoints = List.copyOf(endpoints);
  }

  public static EndpointSpec resolve(Cluster cluster, String text) {
    if (!text.contains("/")) {
      IpAddress ip;
      try {
        ip = IpAddress.parse(text);
      } catch (InvalidValueException e) {
        throw new UnknownEndpointException("'" + text + "' is neither NAMESPACE/NAME nor an IP address");
      }
      for (Pod p : cluster.pods()) {
        if (p.ip().equals(ip)) {
          return new EndpointSpec(text, List.of(Endpoint.of(p)));
        }
      }
      return new EndpointSpec(text, List.of(Endpoint.of(ip)));
    }
    List<Endpoint> out = new ArrayList<>();
    TreeSet<String> known = new TreeSet<>();
    for (Pod p : cluster.pods()) {
      known.add(p.workload().qualifiedName());
      if (p.workload().qualifiedName().equals(text)) {
        out.add(Endpoint.of(p));
      }
    }
    if (out.isEmpty()) {
      for (Pod p : cluster.pods()) {
        known.add(p.id().toString());
        if (p.id().toString().equals(text)) {
          out.add(Endpoint.of(p));
        }
      }
    }
    if (out.isEmpty()) {
      String hint = DidYouMean.suggest(text, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
      throw new UnknownEndpointException("no workload or pod '" + text + "'" + hint);
    }
    return new EndpointSpec(text, out);
  }
}
