package dev.weft.model.netfilter;

import dev.weft.model.value.InvalidValueException;
import dev.weft.model.value.IpAddress;
import java.util.List;

/** A named ipset as {@code ipset save} describes it. Lookup is a linear scan: sets in rule sets are small. */
public record IpSet(String name, IpSetType type, List<IpSetEntry> entries) {
  public IpSet {
    Checks.setName(name);
    entries = List.copyOf(entries);
    for (IpSetEntry e : entries) {
      if (e.protocol().isPresent() != type.withPort()) {
        throw new InvalidValueException("ipset entry", e.toString(), "an entry of type " + type.keyword());
      }
    }
  }

  public boolean contains(IpAddress address) {
    for (IpSetEntry e : entries) {
      if (e.contains(address)) {
        return true;
      }
    }
    return false;
  }

  public boolean contains(IpAddress address, int protocol, int port) {
    for (IpSetEntry e : entries) {
      if (e.contains(address, protocol, port)) {
        return true;
      }
    }
    return false;
  }
}
