package dev.weft.policy.verify;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpFamily;
import java.util.ArrayList;
import java.util.List;

/** Names an external address class for reports: its CIDRs, or the complement form when that is shorter. */
final class ExternalRanges {
  private ExternalRanges() {}

  static String label(List<Cidr> cidrs) {
    List<String> parts = new ArrayList<>();
    for (IpFamily fam : IpFamily.values()) {
      List<Cidr> mine = cidrs.stream().filter(c -> c.family() == fam).sorted().toList();
      if (mine.isEmpty()) {
        continue;
      }
      Cidr all = Cidr.all(fam);
      List<Cidr> rest = all.subtract(mine);
      if (rest.isEmpty()) {
        parts.add(all.toString());
      } else if (rest.size() < mine.size()) {
        parts.add(all + " except " + String.join(",", rest.stream().map(Cidr::toString).toList()));
      } else {
        parts.add(String.join(",", mine.stream().map(Cidr::toString).toList()));
      }
    }
    return String.join(" ", parts);
  }
}
