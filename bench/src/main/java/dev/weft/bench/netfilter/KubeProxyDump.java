package dev.weft.bench.netfilter;

/**
 * An iptables-save dump in kube-proxy's shape for {@code services} ClusterIP services of {@code endpoints}
 * endpoints each: KUBE-SERVICES with one rule per service, KUBE-SVC- chains with the statistic ladder,
 * KUBE-SEP- chains with the hairpin mark and the DNAT, plus the filter chains.
 */
final class KubeProxyDump {
  private KubeProxyDump() {}

  static String vip(int service) {
    return "10.96." + (service / 250) + "." + (service % 250 + 1);
  }

  static String endpoint(int service, int e) {
    int n = service * 16 + e;
    return "10.244." + (n / 250) + "." + (n % 250 + 2);
  }

  static String generate(int services, int endpoints) {
    StringBuilder decl = new StringBuilder();
    StringBuilder rules = new StringBuilder();
    for (int s = 0; s < services; s++) {
      String svc = String.format("KUBE-SVC-%016d", s);
      decl.append(':').append(svc).append(" - [0:0]\n");
      rules.append("-A KUBE-SERVICES -d ").append(vip(s)).append("/32 -p tcp -m comment --comment \"ns/svc-")
          .append(s).append(":http cluster IP\" -m tcp --dport 80 -j ").append(svc).append('\n');
      rules.append("-A ").append(svc).append(" ! -s 10.244.0.0/16 -d ").append(vip(s))
          .append("/32 -p tcp -m tcp --dport 80 -j KUBE-MARK-MASQ\n");
      for (int e = 0; e < endpoints; e++) {
        String sep = String.format("KUBE-SEP-%012d%04d", s, e);
        decl.append(':').append(sep).append(" - [0:0]\n");
        String prob = e == endpoints - 1 ? "" : String.format(java.util.Locale.ROOT,
            " -m statistic --mode random --probability %.11f", 1.0 / (endpoints - e));
        rules.append("-A ").append(svc).append(prob).append(" -j ").append(sep).append('\n');
        rules.append("-A ").append(sep).append(" -s ").append(endpoint(s, e)).append("/32 -j KUBE-MARK-MASQ\n");
        rules.append("-A ").append(sep).append(" -p tcp -m tcp -j DNAT --to-destination ").append(endpoint(s, e))
            .append(":8080\n");
      }
    }
    return "*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n"
        + ":KUBE-MARK-MASQ - [0:0]\n:KUBE-POSTROUTING - [0:0]\n:KUBE-SERVICES - [0:0]\n" + decl
        + "-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n"
        + "-A POSTROUTING -j KUBE-POSTROUTING\n-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000\n"
        + "-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN\n"
        + "-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0\n-A KUBE-POSTROUTING -j MASQUERADE --random-fully\n"
        + rules + "COMMIT\n*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n"
        + ":KUBE-FORWARD - [0:0]\n-A FORWARD -j KUBE-FORWARD\n-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP\n"
        + "-A KUBE-FORWARD -m mark --mark 0x4000/0x4000 -j ACCEPT\n"
        + "-A KUBE-FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n"
        + "-A KUBE-FORWARD -d 10.244.0.0/16 -j ACCEPT\nCOMMIT\n";
  }
}
