package dev.weft.policy.verify;

/** Report pods grouped by their owning workload (the default) or one by one. */
public enum Granularity {
  WORKLOAD,
  POD
}
