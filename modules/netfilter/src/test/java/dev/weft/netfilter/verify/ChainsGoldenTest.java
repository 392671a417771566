package dev.weft.netfilter.verify;

import dev.weft.model.testing.GoldenFiles;
import dev.weft.model.value.IpAddress;
import dev.weft.netfilter.Dumps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The text of {@code weft verify chains} for a few packets, compared with golden files under
 * src/test/resources/golden. After an intended change, regenerate them and review the diff:
 *
 * <pre>./mvnw -q -B -pl modules/netfilter test -Dtest=ChainsGoldenTest -Dweft.updateGolden=true</pre>
 */
class ChainsGoldenTest {
  @ParameterizedTest
  @CsvSource({
      "kube-proxy-clusterip, kube-proxy.iptables-save, 10.244.1.20, 10.96.0.10, 80, cni0, eth0",
      "kube-proxy-no-endpoints, kube-proxy.iptables-save, 10.244.1.20, 10.96.0.50, 80, cni0, eth0",
      "calico-denied, calico.iptables-save, 10.244.1.10, 10.244.1.11, 80, cali1111aaaa, cali2222bbbb",
      "kube-router-allowed, kube-router.iptables-save, 10.244.1.10, 10.244.1.11, 6379, kube-bridge, kube-bridge"})
  void matchesTheGoldenFile(String golden, String dump, String from, String to, int port, String in, String out)
      throws Exception {
    Path dir = Files.createTempDirectory("weft-golden");
    try {
      Path file = dir.resolve(dump);
      Files.writeString(file, Dumps.text(dump));
      ChainsQuery q = ChainsQuery.tcp(file, IpAddress.parse(from), IpAddress.parse(to), port)
          .withInterfaces(Optional.of(in), Optional.of(out));
      String ipsets = dump.replace(".iptables-save", ".ipset");
      if (ChainsGoldenTest.class.getResource("/dumps/" + ipsets) != null) {
        Files.writeString(dir.resolve(ipsets), Dumps.text(ipsets));
        q = q.withIpsets(dir.resolve(ipsets));
      }
      String text = new ChainsVerifier().run(q).text().replace(dir + "/", "");
      GoldenFiles.assertMatches(golden + ".txt", text);
    } finally {
      deleteAll(dir);
    }
  }

  private static void deleteAll(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }
}
