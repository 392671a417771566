package dev.weft.cni.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cni.testing.Configs;
import dev.weft.cni.testing.Json;
import dev.weft.cni.testing.Node;
import dev.weft.cni.testing.Sockets;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.linux.testing.Lab;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** 50 ADDs at once into one bridge network that does not exist yet: 50 distinct pods that all work. */
@Tag("slow")
class ParallelAddIT {
  static final int PODS = 50;

  @RegisterExtension
  static final Lab LAB = new Lab();

  @TempDir
  Path tmp;

  @Test
  void fiftyParallelAddsGiveFiftyWorkingPods() throws Exception {
    try (Node node = new Node(LAB, "h", tmp, true)) {
      String config = Configs.bridge("1.1.0", "wtpar", "wtbr0", "10.104.0.0/24", node.dataDir(),
          "\"ipMasq\":true,\"macspoofchk\":true");
      List<String> pods = new ArrayList<>();
      for (int i = 0; i < PODS; i++) {
        pods.add(node.pod("p"));
      }
      List<String> addresses = new ArrayList<>();
      try (ExecutorService pool = Executors.newFixedThreadPool(PODS)) {
        List<Future<String>> replies = new ArrayList<>();
        for (int i = 0; i < PODS; i++) {
          String id = "par" + i;
          String pod = pods.get(i);
          replies.add(pool.submit(() -> node.plugin().run("ADD", id, pod, "eth0", config).ok().stdout()));
        }
        for (Future<String> f : replies) {
          addresses.add(Json.podAddress(f.get()));
        }
      }
      assertThat(new HashSet<>(addresses)).hasSize(PODS);
      assertThat(node.hostVeths()).hasSize(PODS);
      assertThat(node.ipFiles("wtpar")).hasSize(PODS);
      // every pod reaches the node through its gateway (the bridge address) over TCP
      try (ServerSocketChannel server = Sockets.listen(LAB.driver(), node.ref(), "10.104.0.1", 7000)) {
        for (int i = 0; i < PODS; i++) {
          NetnsRef pod = NetnsRef.named(BridgeModeIT.podName(pods.get(i)));
          assertThat(Sockets.exchange(LAB.driver(), pod, server, "10.104.0.1", 7000, addresses.get(i)))
              .isEqualTo(addresses.get(i));
        }
      }
      for (int i = 0; i < PODS; i++) {
        node.plugin().run("DEL", "par" + i, pods.get(i), "eth0", config).ok();
      }
      assertThat(node.hostVeths()).isEmpty();
      assertThat(node.ipFiles("wtpar")).isEmpty();
      assertThat(node.nft()).doesNotContain("weft:wtpar");
    }
  }
}
