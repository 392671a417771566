package dev.weft.cni.protocol.result;

import java.util.List;
import java.util.Optional;

/** The {@code dns} section of a result (and of resolvConf-derived IPAM results). */
public record Dns(List<String> nameservers, Optional<String> domain, List<String> search, List<String> options) {
  public static final Dns EMPTY = new Dns(List.of(), Optional.empty(), List.of(), List.of());

  public Dns {
    nameservers = List.copyOf(nameservers);
    search = List.copyOf(search);
    options = List.copyOf(options);
  }

  public boolean isEmpty() {
    return nameservers.isEmpty() && domain.isEmpty() && search.isEmpty() && options.isEmpty();
  }
}
