package dev.weft.linux.addr;

import dev.weft.linux.netlink.Rtnl.Ifa;
import dev.weft.model.value.InterfaceAddress;
import java.util.Optional;

/** An address as the kernel reports it; {@code flags} are IFA_F_* (from IFA_FLAGS when present). */
public record AddressEntry(int index, InterfaceAddress address, int scope, int flags, Optional<String> label) {
  public boolean noDad() {
    return (flags & Ifa.F_NODAD) != 0;
  }

  public boolean permanent() {
    return (flags & Ifa.F_PERMANENT) != 0;
  }
}
