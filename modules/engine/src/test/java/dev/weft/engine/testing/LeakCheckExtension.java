package dev.weft.engine.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a JUnit test that leaked a ByteBuf. Registered for every test by service-loader autodetection
 * (enabled in the parent pom), so no test can forget it.
 */
public final class LeakCheckExtension implements BeforeAllCallback, AfterEachCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!LeakChecks.installed()) {
      throw new IllegalStateException("FailingLeakDetector is not installed: set io.netty.customResourceLeakDetector");
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    LeakChecks.assertNoLeaks(context.getDisplayName());
  }
}
