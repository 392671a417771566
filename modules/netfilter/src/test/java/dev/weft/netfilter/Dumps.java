package dev.weft.netfilter;

import dev.weft.model.netfilter.Ruleset;
import dev.weft.netfilter.save.IpsetSaveParser;
import dev.weft.netfilter.save.IptablesSaveException;
import dev.weft.netfilter.save.IptablesSaveParser;
import dev.weft.netfilter.save.ParsedRuleset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The realistic dumps under src/test/resources/dumps. */
public final class Dumps {
  public static final String KUBE_PROXY = "kube-proxy.iptables-save";
  public static final String CALICO = "calico.iptables-save";
  public static final String KUBE_ROUTER = "kube-router.iptables-save";

  private Dumps() {}

  public static String text(String name) {
    try (InputStream in = Dumps.class.getResourceAsStream("/dumps/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource dumps/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ParsedRuleset parse(String name) {
    try {
      return new IptablesSaveParser().parse(name, text(name));
    } catch (IptablesSaveException e) {
      throw new AssertionError("fixture " + name + " does not parse:\n" + e.getMessage(), e);
    }
  }

  /** The dump's rule set with the ipsets of the matching {@code .ipset} file, if there is one. */
  public static Ruleset withIpsets(String name) {
    Ruleset rs = parse(name).ruleset();
    String ipsetName = name.replace(".iptables-save", ".ipset");
    if (Dumps.class.getResource("/dumps/" + ipsetName) == null) {
      return rs;
    }
    try {
      return rs.withIpsets(new IpsetSaveParser().parse(ipsetName, text(ipsetName)).sets());
    } catch (IptablesSaveException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
