package dev.weft.cni.overlay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.cni.plugin.WeftCodes;
import dev.weft.cni.protocol.CniException;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeersFileTest {
  @TempDir
  Path tmp;

  @Test
  void readsPeersWithDefaultMacs() throws Exception {
    Path f = write("{\"peers\":[{\"node\":\"b\",\"address\":\"192.168.1.2\",\"subnet\":\"10.244.2.0/24\"},"
        + "{\"address\":\"192.168.1.3\",\"subnet\":\"10.244.3.0/24\",\"vtepMac\":\"0e:00:00:00:00:03\"}]}");
    List<Peer> peers = PeersFile.read(f);
    assertThat(peers).hasSize(2);
    assertThat(peers.get(0).vtepMac()).isEqualTo(Peer.defaultVtepMac(IpAddress.parse("192.168.1.2")));
    assertThat(peers.get(0).gateway()).isEqualTo(IpAddress.parse("10.244.2.0"));
    assertThat(peers.get(1).vtepMac()).isEqualTo(Mac.parse("0e:00:00:00:00:03"));
    assertThat(peers.get(1).node()).isEqualTo("192.168.1.3");
  }

  @Test
  void aMissingFileMeansNoPeersYet() throws CniException {
    assertThat(PeersFile.read(tmp.resolve("absent.json"))).isEmpty();
  }

  @Test
  void mistakesAreCode113NamingTheFileAndField() throws Exception {
    Path f = write("{\"peers\":[{\"address\":\"192.168.1.2\",\"subnet\":\"10.244.2.0/33\"}]}");
    assertThatThrownBy(() -> PeersFile.read(f)).isInstanceOf(CniException.class)
        .hasMessageContaining(f.toString()).hasMessageContaining("peers[0].subnet")
        .satisfies(e -> assertThat(((CniException) e).code()).isEqualTo(WeftCodes.BAD_PEERS_FILE));
    Path overlap = write("{\"peers\":[{\"address\":\"192.168.1.2\",\"subnet\":\"10.0.0.0/16\"},"
        + "{\"address\":\"192.168.1.3\",\"subnet\":\"10.0.1.0/24\"}]}");
    assertThatThrownBy(() -> PeersFile.read(overlap)).hasMessageContaining("overlaps");
    assertThatThrownBy(() -> PeersFile.read(write("{\"peers\":"))).hasMessageContaining(f.getParent().toString());
  }

  private Path write(String text) throws IOException {
    Path f = Files.createTempFile(tmp, "peers", ".json");
    Files.writeString(f, text);
    return f;
  }
}
