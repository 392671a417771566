package dev.weft.dataplane.testing;

import dev.weft.linux.netns.NamespaceThreads;
import dev.weft.linux.netns.NetnsRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A namespace's TCP counters from {@code /proc/net/snmp} (RFC 4022 names): segments sent, segments
 * retransmitted, resets sent. Read on a thread inside the namespace through {@code /proc/thread-self}:
 * {@code /proc/self} would show the process's first thread, which never leaves the home namespace.
 */
public record TcpCounters(long outSegs, long retransSegs, long outRsts) {
  private static final Path SNMP = Path.of("/proc/thread-self/net/snmp");

  public static TcpCounters read(NamespaceThreads threads, NetnsRef ns) {
    return threads.call(ns, TcpCounters::readHere);
  }

  private static TcpCounters readHere() {
    List<String> lines;
    try {
      lines = Files.readAllLines(SNMP);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // a "Tcp:" line of names, then a "Tcp:" line of values
    List<String> tcp = lines.stream().filter(l -> l.startsWith("Tcp:")).toList();
    if (tcp.size() != 2) {
      throw new IllegalStateException(SNMP + ": expected a names and a values line for Tcp, got " + tcp);
    }
    List<String> names = List.of(tcp.get(0).split("\\s+"));
    String[] values = tcp.get(1).split("\\s+");
    return new TcpCounters(field(names, values, "OutSegs"), field(names, values, "RetransSegs"), field(names, values, "OutRsts"));
  }

  private static long field(List<String> names, String[] values, String name) {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalStateException(SNMP + ": no Tcp field " + name + " in " + names);
    }
    return Long.parseLong(values[i]);
  }

  /** What changed from {@code before} to this reading. */
  public TcpCounters since(TcpCounters before) {
    return new TcpCounters(outSegs - before.outSegs, retransSegs - before.retransSegs, outRsts - before.outRsts);
  }
}
