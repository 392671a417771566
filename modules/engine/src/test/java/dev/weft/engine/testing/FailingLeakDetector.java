package dev.weft.engine.testing;

import io.netty.util.ResourceLeakDetector;

/**
 * A leak detector that, besides logging, records every leak it sees so that {@link LeakChecks} can fail
 * the test that leaked. Installed for all engine tests through the system property
 * {@code io.netty.customResourceLeakDetector} (see the module's pom).
 */
public final class FailingLeakDetector<T> extends ResourceLeakDetector<T> {

  public FailingLeakDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
    super(resourceType, samplingInterval, maxActive);
  }

  public FailingLeakDetector(Class<?> resourceType, int samplingInterval) {
    super(resourceType, samplingInterval);
  }

  @Override
  protected boolean needReport() {
    return true;
  }

  @Override
  protected void reportTracedLeak(String resourceType, String records) {
    LeakChecks.record(resourceType + " leaked:" + records);
    super.reportTracedLeak(resourceType, records);
  }

  @Override
  protected void reportUntracedLeak(String resourceType) {
    LeakChecks.record(resourceType + " leaked (no access records)");
    super.reportUntracedLeak(resourceType);
  }
}
