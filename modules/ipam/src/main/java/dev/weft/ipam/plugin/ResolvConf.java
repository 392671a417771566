package dev.weft.ipam.plugin;

import dev.weft.cni.protocol.result.Dns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads resolv.conf into a result's dns section, as host-local's {@code resolvConf} option does. */
final class ResolvConf {
  private ResolvConf() {}

  static Dns parse(String text) {
    List<String> nameservers = new ArrayList<>();
    List<String> search = new ArrayList<>();
    List<String> options = new ArrayList<>();
    Optional<String> domain = Optional.empty();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      String[] f = line.split("\\s+");
      List<String> rest = Arrays.asList(f).subList(1, f.length);
      switch (f[0]) {
        case "nameserver" -> nameservers.addAll(rest);
        case "domain" -> domain = rest.isEmpty() ? domain : Optional.of(rest.getFirst());
        case "search" -> search.addAll(rest);
        case "options" -> options.addAll(rest);
        default -> { }
      }
    }
    return new Dns(nameservers, domain, search, options);
  }
}
