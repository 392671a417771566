package dev.weft.linux.netns;

import java.nio.file.Path;

/** Which network namespace an operation targets. */
public sealed interface NetnsRef {
  /** The directory iproute2 keeps named namespaces in. */
  Path RUN_DIR = Path.of("/run/netns");

  /** A namespace named under {@code /run/netns}, as {@code ip netns} shows it. */
  record Named(NetnsName name) implements NetnsRef {
    @Override
    public String describe() {
      return "namespace " + name;
    }
  }

  /** A namespace file anywhere, e.g. the {@code CNI_NETNS} path or {@code /proc/PID/ns/net}. */
  record AtPath(Path path) implements NetnsRef {
    @Override
    public String describe() {
      return "namespace " + path;
    }
  }

  /** The namespace the driver was started in (the JVM's own). */
  record Home() implements NetnsRef {
    @Override
    public String describe() {
      return "the home namespace";
    }
  }

  static NetnsRef named(String name) {
    return new Named(NetnsName.of(name));
  }

  static NetnsRef named(NetnsName name) {
    return new Named(name);
  }

  static NetnsRef atPath(Path path) {
    return new AtPath(path);
  }

  static NetnsRef home() {
    return new Home();
  }

  /** Words for error messages. */
  String describe();

  /** The namespace file, except for {@link Home}, which the driver holds open instead. */
  default java.util.Optional<Path> file() {
    return switch (this) {
      case Named n -> java.util.Optional.of(RUN_DIR.resolve(n.name().value()));
      case AtPath p -> java.util.Optional.of(p.path());
      case Home h -> java.util.Optional.empty();
    };
  }
}
