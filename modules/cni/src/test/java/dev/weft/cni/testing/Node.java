package dev.weft.cni.testing;

import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.testing.Lab;
import dev.weft.linux.testing.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An emulated node: a namespace that plays the host (bridges, rules and routes are made only there),
 * a scratch directory for its IPAM store, and optionally its own {@code weft-cnid}. Pods are namespaces
 * of the same {@link Lab}, so all of it goes when the test ends, even on failure.
 */
public final class Node implements AutoCloseable {
  private final Lab lab;
  private final NetnsRef.Named ns;
  private final Path dir;
  private Optional<Daemon> daemon;
  private final Plugin plugin;

  public Node(Lab lab, String tag, Path dir, boolean withDaemon) {
    this.lab = lab;
    this.ns = lab.namespace(tag);
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    Shell.ok("ip", "-n", name(), "link", "set", "lo", "up");
    this.daemon = withDaemon ? Optional.of(Daemon.start(name(), dir)) : Optional.empty();
    this.plugin = new Plugin(name(), daemon.map(d -> Map.of("WEFT_CNI_SOCKET", d.socket().toString()))
        .orElse(Map.of("WEFT_CNI_STANDALONE", "1")));
  }

  /** Stops this node's daemon and starts a new one on the same socket (an upgrade, a crash and restart). */
  public void restartDaemon() {
    daemon.orElseThrow(() -> new IllegalStateException("node " + name() + " has no daemon")).close();
    daemon = Optional.of(Daemon.start(name(), dir));
  }

  public String name() {
    return ns.name().value();
  }

  public NetnsRef.Named ref() {
    return ns;
  }

  public Plugin plugin() {
    return plugin;
  }

  public Path dataDir() {
    return dir.resolve("ipam");
  }

  public Path dir() {
    return dir;
  }

  /** A fresh pod namespace; returns its CNI_NETNS path. */
  public String pod(String tag) {
    return "/run/netns/" + lab.namespace(tag).name().value();
  }

  /** The weft host veths in this node. */
  public List<String> hostVeths() {
    return Shell.linkNames(name()).stream().filter(n -> n.startsWith("wv")).toList();
  }

  /** The addresses the IPAM store holds for {@code network}. */
  public List<String> ipFiles(String network) {
    Path d = dataDir().resolve(network);
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(d)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.contains(".") || n.contains(":"))
          .filter(n -> !n.startsWith("last_reserved_ip") && !n.startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** {@code nft list ruleset} in the node. */
  public String nft() {
    return Shell.ok("ip", "netns", "exec", name(), "nft", "list", "ruleset");
  }

  @Override
  public void close() {
    daemon.ifPresent(Daemon::close);
  }
}
