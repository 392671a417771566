package dev.weft.netfilter.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The confirmed connections of one namespace, found by either direction's tuple. A connection enters the
 * table when its first packet leaves the stack (the end of INPUT or POSTROUTING) with ACCEPT, as
 * __nf_conntrack_confirm does. Not thread-safe: one per simulated namespace.
 */
public final class Conntrack {
  private final Map<Tuple, Connection> byOriginal = new HashMap<>();
  private final Map<Tuple, Connection> byReply = new HashMap<>();
  private final Set<Tuple> repliedTo = new HashSet<>();

  /** Where a packet's tuple is found: in the original or the reply direction of a connection. */
  public record Lookup(Connection connection, boolean reply, boolean seenReply) {}

  public Optional<Lookup> lookup(Tuple t) {
    Connection c = byOriginal.get(t);
    if (c != null) {
      return Optional.of(new Lookup(c, false, repliedTo.contains(c.original())));
    }
    c = byReply.get(t);
    return c == null ? Optional.empty() : Optional.of(new Lookup(c, true, true));
  }

  /** Records that the connection has seen a reply: its later packets are ESTABLISHED. */
  public void replySeen(Connection c) {
    repliedTo.add(c.original());
  }

  public void confirm(Connection c) {
    byOriginal.putIfAbsent(c.original(), c);
    byReply.putIfAbsent(c.reply(), c);
  }

  public List<Connection> connections() {
    return new ArrayList<>(byOriginal.values());
  }

  public int size() {
    return byOriginal.size();
  }
}
