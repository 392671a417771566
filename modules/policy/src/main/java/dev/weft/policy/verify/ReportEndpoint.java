package dev.weft.policy.verify;

import java.util.Comparator;

/**
 * One end of a reported connection: a workload ({@code ns/name}, with its kind), a pod ({@code ns/name}), or
 * an external address range (its CIDRs, or {@code 0.0.0.0/0 except …} when that is shorter).
 */
public record ReportEndpoint(Kind kind, String name, String detail) implements Comparable<ReportEndpoint> {
  /** What the endpoint is; external ranges sort after pods and workloads. */
  public enum Kind {
    WORKLOAD,
    POD,
    EXTERNAL
  }

  private static final Comparator<ReportEndpoint> ORDER =
      Comparator.comparing(ReportEndpoint::kind).thenComparing(ReportEndpoint::name);

  public static ReportEndpoint workload(String kindName, String qualifiedName) {
    return new ReportEndpoint(Kind.WORKLOAD, qualifiedName, kindName);
  }

  public static ReportEndpoint pod(String qualifiedName) {
    return new ReportEndpoint(Kind.POD, qualifiedName, "Pod");
  }

  public static ReportEndpoint external(String ranges) {
    return new ReportEndpoint(Kind.EXTERNAL, ranges, "external");
  }

  /** The name as shown in text output: external ranges get an {@code external:} prefix. */
  public String display() {
    return kind == Kind.EXTERNAL ? "external:" + name : name;
  }

  @Override
  public int compareTo(ReportEndpoint o) {
    return ORDER.compare(this, o);
  }
}
