package dev.weft.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.ipam.testing.CniExec;
import dev.weft.ipam.testing.CniExec.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * weft-ipam and Debian's reference host-local take turns on one store: neither may hand out an address
 * the other holds, round robin continues across them, and each releases what the other allocated.
 */
class HostLocalInteropIT {
  private static final Pattern ADDRESS = Pattern.compile("\"address\":\\s*\"([0-9a-f.:]+)/(\\d+)\"");
  @TempDir Path data;

  private String config() {
    return "{\"cniVersion\":\"1.0.0\",\"name\":\"wtinterop\",\"type\":\"bridge\",\"ipam\":{\"type\":\"x\","
        + "\"dataDir\":\"" + data + "\",\"ranges\":[[{\"subnet\":\"10.66.0.0/24\",\"rangeStart\":\"10.66.0.10\","
        + "\"rangeEnd\":\"10.66.0.40\"}],[{\"subnet\":\"fd00:66::/120\"}]]}}";
  }

  private static List<String> addresses(Reply r) {
    List<String> out = new ArrayList<>();
    Matcher m = ADDRESS.matcher(r.stdout());
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private Path plugin(int i) {
    return i % 2 == 0 ? CniExec.weftIpam() : CniExec.hostLocal();
  }

  @Test
  void alternatingAllocationsShareOneStore() throws Exception {
    List<String> v4 = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Reply r = CniExec.run(plugin(i), CniExec.env("ADD", "ctr" + i, "/proc/self/ns/net", "eth0"), config()).ok();
      List<String> got = addresses(r);
      assertThat(got).as("one IPv4 and one IPv6 address from %s", plugin(i)).hasSize(2);
      v4.add(got.get(0));
      Path file = data.resolve("wtinterop").resolve(got.get(0));
      assertThat(Files.readString(file)).isEqualTo("ctr" + i + "\r\neth0");
    }
    // round robin continues across the two plugins: .10, .11, ... in order
    for (int i = 0; i < 12; i++) {
      assertThat(v4.get(i)).isEqualTo("10.66.0." + (10 + i));
    }
    // each releases what the other allocated
    for (int i = 0; i < 12; i++) {
      CniExec.run(plugin(i + 1), CniExec.env("DEL", "ctr" + i, "/proc/self/ns/net", "eth0"), config()).ok();
      assertThat(data.resolve("wtinterop").resolve(v4.get(i))).doesNotExist();
    }
    // and a freed address is not reused at once by either of them
    Reply next = CniExec.run(CniExec.hostLocal(), CniExec.env("ADD", "after", "/proc/self/ns/net", "eth0"), config()).ok();
    assertThat(addresses(next).get(0)).isEqualTo("10.66.0.22");
    Reply next2 = CniExec.run(CniExec.weftIpam(), CniExec.env("ADD", "after2", "/proc/self/ns/net", "eth0"), config()).ok();
    assertThat(addresses(next2).get(0)).isEqualTo("10.66.0.23");
  }

  @Test
  void hostLocalChecksWhatWeftAllocatedAndWeftChecksHostLocals() throws Exception {
    CniExec.run(CniExec.weftIpam(), CniExec.env("ADD", "w", "/proc/self/ns/net", "eth0"), config()).ok();
    CniExec.run(CniExec.hostLocal(), CniExec.env("ADD", "h", "/proc/self/ns/net", "eth0"), config()).ok();
    CniExec.run(CniExec.hostLocal(), CniExec.env("CHECK", "w", "/proc/self/ns/net", "eth0"), config()).ok();
    CniExec.run(CniExec.weftIpam(), CniExec.env("CHECK", "h", "/proc/self/ns/net", "eth0"), config()).ok();
    Reply missing = CniExec.run(CniExec.weftIpam(), CniExec.env("CHECK", "nobody", "/proc/self/ns/net", "eth0"), config());
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.stdout()).contains("\"code\":104");
  }

  @Test
  void bothRefuseAnAddressTheOtherHolds() throws Exception {
    String want = "IgnoreUnknown=1;IP=10.66.0.30"; // host-local reads IP=, not the documented ip=
    var envW = new java.util.HashMap<>(CniExec.env("ADD", "w", "/proc/self/ns/net", "eth0"));
    envW.put("CNI_ARGS", want);
    CniExec.run(CniExec.weftIpam(), envW, config()).ok();
    var envH = new java.util.HashMap<>(CniExec.env("ADD", "h", "/proc/self/ns/net", "eth0"));
    envH.put("CNI_ARGS", want);
    Reply h = CniExec.run(CniExec.hostLocal(), envH, config());
    assertThat(h.exit()).isNotZero();
    assertThat(h.stdout()).contains("10.66.0.30");
    Reply w = CniExec.run(CniExec.weftIpam(), envH, config());
    assertThat(w.stdout()).contains("\"code\":102", "10.66.0.30");
  }
}
