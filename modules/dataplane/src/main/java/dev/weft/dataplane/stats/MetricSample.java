package dev.weft.dataplane.stats;

import java.util.Map;

/** One sample line of the exposition format: a metric name, its labels and its value. */
public record MetricSample(String name, Map<String, String> labels, double value) {
  public MetricSample {
    labels = Map.copyOf(labels);
  }
}
