package dev.weft.lab.kernel;

import dev.weft.lab.LabName;
import dev.weft.lab.plan.KernelNames;
import dev.weft.lab.plan.LabSysctls;
import dev.weft.linux.LinuxDriver;
import dev.weft.linux.netns.NetnsName;
import dev.weft.linux.sysctl.SysctlKey;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds a lab's namespaces on the kernel and reads them. */
public final class LabObserver {
  private static final Set<SysctlKey> SYSCTLS = LabSysctls.forNamespace(true).keySet();

  private final LinuxDriver driver;
  private final KernelReader reader;

  public LabObserver(LinuxDriver driver) {
    this.driver = driver;
    this.reader = new KernelReader(driver);
  }

  /** The namespaces under /run/netns that carry the lab's prefix. */
  public List<NetnsName> namespaces(LabName lab) {
    return driver.namespaces().list().stream().filter(n -> KernelNames.owns(lab, n)).toList();
  }

  /** The state of each of {@code names} that exists, in the given order. */
  public Map<NetnsName, NamespaceState> read(Collection<NetnsName> names) {
    Map<NetnsName, NamespaceState> out = new LinkedHashMap<>();
    for (NetnsName n : names) {
      if (driver.namespaces().exists(n)) {
        out.put(n, reader.read(n, SYSCTLS));
      }
    }
    return out;
  }
}
