package dev.weft.cni.protocol;

import java.util.List;
import java.util.Optional;

/** A CNI spec version such as 1.1.0, ordered numerically. */
public record CniVersion(int major, int minor, int patch) implements Comparable<CniVersion> {
  public static final CniVersion V0_3_0 = new CniVersion(0, 3, 0);
  public static final CniVersion V0_3_1 = new CniVersion(0, 3, 1);
  public static final CniVersion V0_4_0 = new CniVersion(0, 4, 0);
  public static final CniVersion V1_0_0 = new CniVersion(1, 0, 0);
  public static final CniVersion V1_1_0 = new CniVersion(1, 1, 0);

  /** Every version weft speaks, oldest first. 0.1.0 and 0.2.0 (one IP per family) are not spoken. */
  public static final List<CniVersion> SUPPORTED = List.of(V0_3_0, V0_3_1, V0_4_0, V1_0_0, V1_1_0);

  public static final CniVersion LATEST = V1_1_0;

  public CniVersion {
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("negative version part");
    }
  }

  /** Parses {@code MAJOR.MINOR.PATCH} (no leading zeros); empty when the text is not such a version. */
  public static Optional<CniVersion> parse(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    int[] n = new int[3];
    for (int i = 0; i < 3; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 6 || (p.length() > 1 && p.charAt(0) == '0')
          || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return Optional.empty();
      }
      n[i] = Integer.parseInt(p);
    }
    return Optional.of(new CniVersion(n[0], n[1], n[2]));
  }

  public boolean isSupported() {
    return SUPPORTED.contains(this);
  }

  public boolean atLeast(CniVersion other) {
    return compareTo(other) >= 0;
  }

  /** 0.3.x and 0.4.0 results carry {@code ips[].version}; 1.0.0 dropped it. */
  public boolean resultsCarryIpVersion() {
    return compareTo(V1_0_0) < 0;
  }

  @Override
  public int compareTo(CniVersion o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    return c != 0 ? c : Integer.compare(patch, o.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
