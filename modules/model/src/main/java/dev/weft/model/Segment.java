package dev.weft.model;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.Mtu;
import dev.weft.model.value.Name;
import java.util.List;

/** An L2 network outside any host, such as the lab's underlay switch; physical uplinks attach to it. */
public record Segment(Name name, SegmentKind kind, List<Cidr> subnets, Mtu mtu) implements Node {
  public Segment {
    subnets = List.copyOf(subnets);
  }

  @Override
  public String id() {
    return "seg:" + name;
  }
}
