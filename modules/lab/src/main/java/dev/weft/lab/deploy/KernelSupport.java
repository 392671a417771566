package dev.weft.lab.deploy;

import dev.weft.lab.LabException;
import dev.weft.lab.LabName;
import dev.weft.lab.kernel.LinkKind;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.Rtnetlink;
import dev.weft.linux.error.DriverException;
import dev.weft.linux.error.NotSupportedException;
import dev.weft.linux.netlink.ErrorMapper;
import dev.weft.linux.netlink.MessageWriter;
import dev.weft.linux.netlink.NetlinkSocket;
import dev.weft.linux.netlink.Rtnl;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.sys.Linux;
import dev.weft.model.value.InterfaceName;
import java.util.Optional;

/**
 * Asks the kernel whether it has a driver for a link kind without creating anything: an RTM_NEWLINK for
 * that kind with an MTU of 1. The kernel looks the kind up first and answers "Unknown device type"
 * (EOPNOTSUPP) when no driver exists; with a driver it goes on to validate the MTU and refuses it (EINVAL)
 * before registering any device. The name carries the lab's prefix, in case some kernel ever got as far
 * as creating it; it is deleted if so.
 */
public final class KernelSupport {
  private final LinuxDriver driver;

  public KernelSupport(LinuxDriver driver) {
    this.driver = driver;
  }

  /**
   * Throws {@link LabException.UnsupportedByKernel} if the kernel lacks {@code kind}'s driver. Veths and
   * bridges are everywhere; only tunnels are asked about.
   */
  public void require(LabName lab, LinkKind kind, String usedBy) {
    Optional<String> word = switch (kind) {
      case LinkKind.Gre g -> Optional.of(g.keyword());
      case LinkKind.Vxlan v -> Optional.of("vxlan");
      default -> Optional.empty();
    };
    word.ifPresent(k -> probe(lab, k, usedBy, kind instanceof LinkKind.Gre ? "gre" : k));
  }

  private void probe(LabName lab, String kind, String usedBy, String family) {
    String name = lab.value() + "-k";
    MessageWriter w = new MessageWriter(Rtnl.RTM_NEWLINK, Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL)
        .ifinfomsg(Linux.AF_UNSPEC, 0, 0, 0).attrString(Rtnl.Ifla.IFNAME, name).attrU32(Rtnl.Ifla.MTU, 1);
    int info = w.beginNested(Rtnl.Ifla.LINKINFO);
    w.attrString(Rtnl.Ifla.INFO_KIND, kind);
    w.endNested(info);
    try (NetlinkSocket socket = driver.threads().call(NetnsRef.home(), NetlinkSocket::open)) {
      try {
        socket.execute(w, ErrorMapper.forOperation("probe kernel support for " + kind));
        try (Rtnetlink rt = driver.rtnetlink(NetnsRef.home())) {
          rt.links().deleteIfExists(InterfaceName.of(name));
        }
      } catch (NotSupportedException e) {
        throw new LabException.UnsupportedByKernel(kind, family, usedBy, e);
      } catch (DriverException expected) {
        // EINVAL for the MTU: the kernel knows the kind.
      }
    }
  }
}
