package dev.weft.policy.analysis;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.IpFamily;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The address space outside the pod network, cut at every CIDR boundary that an ipBlock or ANP network uses:
 * each atom is a contiguous range that every address predicate contains wholly or not at all. Atoms inside a
 * pod CIDR are dropped (pods there are endpoints of their own). IPv6 appears only when some CIDR is IPv6.
 */
final class ExternalAtoms {
  /** One atom: the addresses {@code first..last}, and the same range as CIDR blocks. */
  record Atom(IpAddress first, IpAddress last, List<Cidr> cidrs) {}

  private final List<Atom> atoms;

  private ExternalAtoms(List<Atom> atoms) {
    this.atoms = List.copyOf(atoms);
  }

  static ExternalAtoms of(Collection<Cidr> boundaries, List<Cidr> podCidrs) {
    TreeSet<IpAddress> starts = new TreeSet<>();
    starts.add(Cidr.all(IpFamily.IPV4).first());
    boolean v6 = false;
    List<Cidr> all = new ArrayList<>(boundaries);
    all.addAll(podCidrs);
    for (Cidr c : all) {
      v6 |= c.family() == IpFamily.IPV6 && boundaries.contains(c);
      starts.add(c.first());
      c.last().plus(1).ifPresent(starts::add);
    }
    if (v6) {
      starts.add(Cidr.all(IpFamily.IPV6).first());
    } else {
      starts.removeIf(a -> a.family() == IpFamily.IPV6);
    }
    List<Atom> out = new ArrayList<>();
    List<IpAddress> list = new ArrayList<>(starts);
    for (int i = 0; i < list.size(); i++) {
      IpAddress first = list.get(i);
      IpAddress last = i + 1 < list.size() && list.get(i + 1).family() == first.family()
          ? list.get(i + 1).plus(-1).orElseThrow()
          : Cidr.all(first.family()).last();
      if (podCidrs.stream().anyMatch(p -> p.contains(first))) {
        continue;
      }
      out.add(new Atom(first, last, span(first, last)));
    }
    return new ExternalAtoms(out);
  }

  List<Atom> atoms() {
    return atoms;
  }

  int size() {
    return atoms.size();
  }

  Atom get(int i) {
    return atoms.get(i);
  }

  /** The smallest list of CIDR blocks that covers exactly {@code first..last}. */
  static List<Cidr> span(IpAddress first, IpAddress last) {
    List<Cidr> out = new ArrayList<>();
    IpFamily fam = first.family();
    BigInteger lo = first.toBigInteger();
    BigInteger hi = last.toBigInteger();
    while (lo.compareTo(hi) <= 0) {
      int len = fam.bits();
      // grow the block while it stays aligned and inside the range
      while (len > 0) {
        int next = len - 1;
        BigInteger size = BigInteger.ONE.shiftLeft(fam.bits() - next);
        if (!lo.mod(size).equals(BigInteger.ZERO) || lo.add(size).subtract(BigInteger.ONE).compareTo(hi) > 0) {
          break;
        }
        len = next;
      }
      out.add(new Cidr(IpAddress.fromBigInteger(fam, lo), len));
      lo = lo.add(BigInteger.ONE.shiftLeft(fam.bits() - len));
    }
    return out;
  }
}
