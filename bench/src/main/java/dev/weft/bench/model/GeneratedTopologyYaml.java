package dev.weft.bench.model;

/**
 * Writes the benchmark cluster as topology YAML, the way a user would with the pods short form: H hosts on
 * one underlay, each with bridge {@code cni0} on its own /24 and P bridge-mode pods.
 */
public final class GeneratedTopologyYaml {
  private GeneratedTopologyYaml() {}

  public static String bridgeCluster(int hosts, int podsPerHost) {
    if (hosts > 65_000 || podsPerHost > 250) {
      throw new IllegalArgumentException("at most 65000 hosts of 250 pods fit the address plan");
    }
    StringBuilder y = new StringBuilder(hosts * 200);
    y.append("name: bench-").append(hosts).append('x').append(podsPerHost).append('\n');
    y.append("underlay: {mtu: 1500, subnet: 172.16.0.0/12}\n");
    y.append("hosts:\n");
    for (int h = 0; h < hosts; h++) {
      int u = h + 1;
      y.append("  - name: node").append(h).append('\n');
      y.append("    underlay: 172.").append(16 + (u >> 16)).append('.').append((u >> 8) & 0xff).append('.')
          .append(u & 0xff).append("/12\n");
      y.append("    bridges: [{name: cni0, gateway: 10.").append(h >> 8).append('.').append(h & 0xff)
          .append(".1/24, ipMasq: true}]\n");
      y.append("    pods: [{name: n").append(h).append("-pod, count: ").append(podsPerHost)
          .append(", bridge: cni0, mode: bridge}]\n");
    }
    return y.toString();
  }
}
