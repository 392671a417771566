package dev.weft.bench.policy;

import dev.weft.policy.analysis.ConnectivityEngine;
import dev.weft.policy.model.Cluster;
import dev.weft.policy.model.Pod;
import dev.weft.policy.semantics.Endpoint;
import dev.weft.policy.semantics.PolicySemantics;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Prints the class engine against the naive pair evaluator, with the ratio: the class engine computes all
 * pairs; the naive evaluator is timed on a random sample of pod pairs and scaled to all pod pairs (running it
 * on 10^10 pairs would take hours). Run: {@code java -cp bench/target/benchmarks.jar
 * dev.weft.bench.policy.NaiveBaseline 10000:1000 100000:10000}.
 */
public final class NaiveBaseline {
  private NaiveBaseline() {}

  static List<Endpoint[]> samplePairs(Cluster c, int n, Random rnd) {
    List<Pod> pods = c.pods();
    List<Endpoint[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new Endpoint[] {Endpoint.of(pods.get(rnd.nextInt(pods.size()))), Endpoint.of(pods.get(rnd.nextInt(pods.size())))});
    }
    return out;
  }

  public static void main(String[] args) {
    for (String size : args.length == 0 ? new String[] {"10000:1000", "100000:10000"} : args) {
      String[] p = size.split(":");
      Cluster c = ClusterGenerator.sized(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
      List<Endpoint[]> sample = samplePairs(c, 20_000, new Random(7));
      double classMs = Double.MAX_VALUE;
      double naiveMs = Double.MAX_VALUE;
      int classes = 0;
      for (int round = 0; round < 5; round++) {
        long t0 = System.nanoTime();
        ConnectivityEngine e = ConnectivityEngine.build(c);
        long[] n = new long[1];
        e.forEachAllowed((s, d, ports) -> n[0]++);
        classMs = Math.min(classMs, (System.nanoTime() - t0) / 1e6);
        classes = e.classCount();
        long t1 = System.nanoTime();
        PolicySemantics sem = new PolicySemantics(c);
        int allowed = 0;
        for (Endpoint[] pair : sample) {
          allowed += sem.allowedPorts(pair[0], pair[1]).map(x -> x.isEmpty() ? 0 : 1).orElse(0);
        }
        naiveMs = Math.min(naiveMs, (System.nanoTime() - t1) / 1e6);
        if (allowed < 0) {
          throw new AssertionError();
        }
      }
      double pairs = (double) c.pods().size() * c.pods().size();
      double naiveAllMs = naiveMs / sample.size() * pairs;
      System.out.printf("%s: %d pods, %d policies, %d classes: class engine %.1f ms; naive %.3f us/pair, all %.0f pairs ~ %.0f s; ratio %.0fx%n",
          size, c.pods().size(), c.policies().size(), classes, classMs, naiveMs * 1000 / sample.size(), pairs, naiveAllMs / 1000, naiveAllMs / classMs);
    }
  }
}
