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
      // the smallest block around the class, minus what is not in it, when that reads shorter
      Cidr span = enclosing(mine.getFirst().first(), mine.getLast().last());
      List<Cidr> rest = span.subtract(mine);
      if (rest.isEmpty()) {
        parts.add(span.toString());
      } else if (rest.size() + 1 < mine.size()) {
        parts.add(span + " except " + String.join(",", rest.stream().map(Cidr::toString).toList()));
      } else {
        parts.add(String.join(",", mine.stream().map(Cidr::toString).toList()));
      }
    }
    return String.join(" ", parts);
  }

  private static Cidr enclosing(dev.weft.model.value.IpAddress first, dev.weft.model.value.IpAddress last) {
    int len = first.family().bits();
    while (len > 0 && !Cidr.containing(first, len).contains(last)) {
      len--;
    }
    return Cidr.containing(first, len);
  }
}
