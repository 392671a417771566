package dev.weft.linux.sysctl;

import dev.weft.model.value.InvalidValueException;
import java.util.Arrays;
import java.util.List;

/**
 * A network sysctl such as {@code net.ipv4.ip_forward}. Only {@code net.*} keys exist per namespace, so
 * no other key can be built: writing e.g. {@code kernel.*} would change the whole host. As with
 * sysctl(8), a key containing '/' is a path whose dots are kept, for interface names with dots:
 * {@code net/ipv4/conf/wt.1/forwarding}.
 */
public record SysctlKey(List<String> components) {
  private static final String EXPECTED =
      "a network sysctl like net.ipv4.ip_forward or net/ipv6/conf/wt.1/accept_dad";

  public SysctlKey {
    components = List.copyOf(components);
    if (components.size() < 2 || !components.getFirst().equals("net")
        || components.stream().anyMatch(c -> c.isEmpty() || c.equals(".") || c.equals("..") || c.indexOf('\0') >= 0)) {
      throw new InvalidValueException("sysctl key", String.join("/", components), EXPECTED);
    }
  }

  public static SysctlKey parse(String text) {
    String separator = text.indexOf('/') >= 0 ? "/" : "\\.";
    return new SysctlKey(Arrays.asList(text.split(separator, -1)));
  }

  /** The file under /proc/sys. */
  public String procPath() {
    return "/proc/sys/" + String.join("/", components);
  }

  @Override
  public String toString() {
    return components.stream().anyMatch(c -> c.contains(".")) ? String.join("/", components) : String.join(".", components);
  }
}
