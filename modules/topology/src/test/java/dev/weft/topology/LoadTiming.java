package dev.weft.topology;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;

/**
 * Times {@link TopologyLoader} on a generated cluster: H hosts on one underlay, each with a bridge
 * 10.(h/256).(h%256).0/24 and P bridge-mode pods from the pods short form. Reports wall and CPU time of
 * the loading thread (CPU time stays meaningful on a busy machine), bytes allocated, and the heap still
 * live afterwards. Run (figures in bench/RESULTS.md):
 *
 * <pre>./mvnw -q -B -pl modules/topology test-compile exec:exec -Dexec.classpathScope=test
 *   -Dexec.executable=java -Dexec.args="-Xmx2g -cp %classpath dev.weft.topology.LoadTiming 1000 100 5"</pre>
 */
public final class LoadTiming {
  private LoadTiming() {}

  /** The generated topology's YAML text. */
  public static String cluster(int hosts, int podsPerHost) {
    StringBuilder sb = new StringBuilder("name: cluster\nunderlay: {mtu: 1500, subnet: 172.16.0.0/12}\nhosts:\n");
    for (int h = 0; h < hosts; h++) {
      sb.append("  - name: host").append(h).append("\n    underlay: 172.16.").append(h / 250).append('.')
          .append(h % 250 + 1).append("/12\n");
      sb.append("    bridges: [{name: br0, gateway: 10.").append(h / 256).append('.').append(h % 256)
          .append(".1/24, ipMasq: true}]\n");
      sb.append("    pods: [{name: h").append(h).append("-pod, count: ").append(podsPerHost)
          .append(", bridge: br0, mode: bridge}]\n");
    }
    return sb.toString();
  }

  public static void main(String[] args) {
    int hosts = Integer.parseInt(args[0]);
    int pods = Integer.parseInt(args[1]);
    int runs = Integer.parseInt(args[2]);
    String yaml = cluster(hosts, pods);
    TopologyLoader loader = new TopologyLoader();
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 0; i < runs; i++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      long allocated = threads.getCurrentThreadAllocatedBytes();
      TopologyLoad load = loader.load("cluster.yaml", yaml);
      long wallMs = (System.nanoTime() - wall) / 1_000_000;
      long cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
      long allocMb = (threads.getCurrentThreadAllocatedBytes() - allocated) >> 20;
      System.gc();
      Runtime rt = Runtime.getRuntime();
      int namespaces = load instanceof TopologyLoad.Loaded l ? l.model().namespaces().size() : -1;
      System.out.printf("run %d: %s, %d namespaces, wall %d ms, cpu %d ms, allocated %d MiB, live after GC %d MiB%n",
          i + 1, load.getClass().getSimpleName(), namespaces, wallMs, cpuMs, allocMb,
          (rt.totalMemory() - rt.freeMemory()) >> 20);
    }
  }
}
