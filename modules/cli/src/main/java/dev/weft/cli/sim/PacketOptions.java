package dev.weft.cli.sim;

import dev.weft.sim.Protocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * The packet options {@code weft sim trace} and {@code weft sim reach} share: protocol, destination port,
 * size, Don't Fragment, and where to write pcap files. Mixed into both commands so they read them alike.
 */
final class PacketOptions {
  @Option(names = "--proto", defaultValue = "tcp", description = "tcp, udp or icmp (default tcp)")
  String protocol;

  @Option(names = "--dport", defaultValue = "80", description = "Destination port (default 80).")
  int dport;

  @Option(names = "--size", defaultValue = "100", paramLabel = "BYTES",
      description = "IP packet size in bytes, headers included (default 100).")
  int size;

  @Option(names = "--df", description = "Set Don't Fragment: too-big packets are dropped with ICMP frag-needed instead of fragmented.")
  boolean dontFragment;

  @Option(names = "--pcap", paramLabel = "DIR", description = "Trace on bytes and write one pcap file per link crossed into DIR.")
  Optional<Path> pcap = Optional.empty();

  /** The protocol named by {@code --proto}; an unknown one throws IllegalArgumentException (see {@link Simulators#request}). */
  Protocol protocol() {
    return Protocol.parse(protocol);
  }

  /** A simulation that writes pcap files into a directory. */
  interface Capture<T> {
    T into(Path directory) throws IOException;
  }

  /** Runs {@code plain}, or {@code capture} into the {@code --pcap} directory when one was given. */
  <T> T run(Supplier<T> plain, Capture<T> capture) {
    if (pcap.isEmpty()) {
      return plain.get();
    }
    try {
      return capture.into(pcap.get());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write pcap files to " + pcap.get(), e);
    }
  }
}
