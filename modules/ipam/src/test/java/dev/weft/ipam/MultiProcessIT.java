package dev.weft.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cni.protocol.Attachment;
import dev.weft.ipam.testing.AllocationWorker;
import dev.weft.model.value.IpAddress;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Separate JVMs on one on-disk store: the flock serialises them and link(2) keeps every file whole. */
@Tag("slow")
class MultiProcessIT {
  @TempDir Path data;

  private Process worker(String name, int count, boolean churn) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), AllocationWorker.class.getName(),
        data.toString(), name, Integer.toString(count), Boolean.toString(churn))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private Path store() {
    return data.resolve("wtconc");
  }

  @Test
  void eightProcessesTimesTwoHundredAllocationsGiveSixteenHundredDistinctAddresses() throws Exception {
    List<Process> workers = new ArrayList<>();
    try {
      for (int w = 0; w < 8; w++) {
        workers.add(worker("w" + w, 200, false));
      }
      for (Process p : workers) {
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip()).isEqualTo("done");
        assertThat(p.exitValue()).isZero();
      }
    } finally {
      workers.forEach(Process::destroyForcibly);
    }
    Map<IpAddress, Attachment> all = readStore();
    assertThat(all).hasSize(1600);
    Set<Attachment> owners = new HashSet<>(all.values());
    assertThat(owners).as("every owner holds exactly one address").hasSize(1600);
    for (int w = 0; w < 8; w++) {
      for (int i = 0; i < 200; i++) {
        assertThat(owners).contains(new Attachment("w" + w + "-" + i, "eth0"));
      }
    }
    assertConsistent();
  }

  @Test
  void processesKilledWithSigkillLeaveCompleteAllocationsOrNone() throws Exception {
    Random random = new Random(42);
    List<Process> workers = new ArrayList<>();
    try {
      for (int round = 0; round < 4; round++) {
        for (int w = 0; w < 4; w++) {
          workers.add(worker("r" + round + "w" + w, 50, true));
        }
        Thread.sleep(1500 + random.nextInt(1000));
        for (Process p : workers) {
          Thread.sleep(random.nextInt(150));
          p.destroyForcibly(); // SIGKILL, at whatever point the worker is
          assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        workers.clear();
        assertConsistent();
      }
    } finally {
      workers.forEach(Process::destroyForcibly);
    }
    // the store still works: the lock is free and new allocations succeed
    var allocator = AllocationWorker.allocator(data);
    assertThat(allocator.allocate(new Attachment("after", "eth0"), List.of(), java.util.Optional.empty()))
        .isInstanceOf(dev.weft.ipam.node.AllocationOutcome.Allocated.class);
    Path tempLeft;
    try (Stream<Path> files = Files.list(store())) {
      tempLeft = files.filter(p -> p.getFileName().toString().startsWith(".weft-tmp-")).findFirst().orElse(null);
    }
    assertThat(tempLeft).as("stale temporary files are cleaned under the lock").isNull();
  }

  private Map<IpAddress, Attachment> readStore() throws Exception {
    var store = dev.weft.ipam.disk.HostLocalStore.open(data, "wtconc");
    return store.locked(store::allocations);
  }

  /** Every address file is whole ("id\r\neth0" of a known owner), and no owner holds two addresses. */
  private void assertConsistent() throws Exception {
    Set<String> owners = new HashSet<>();
    try (Stream<Path> files = Files.list(store())) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (!Character.isDigit(name.charAt(0))) {
          continue;
        }
        String content = Files.readString(f);
        assertThat(content).as("content of %s", f).matches("[a-z0-9]+-\\d+\\r\\neth0");
        assertThat(owners.add(content)).as("%s holds one address only", content).isTrue();
        assertThat(IpAddress.parse(name).toString()).isEqualTo(name);
      }
    }
    String last = Files.exists(store().resolve("last_reserved_ip.0"))
        ? Files.readString(store().resolve("last_reserved_ip.0")) : "10.128.0.1";
    assertThat(IpAddress.parse(last).isIpv4()).as("the cursor file is whole").isTrue();
    assertThat(File.separator).isEqualTo("/");
  }
}
