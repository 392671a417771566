package dev.weft.netfilter.it;

import dev.weft.netfilter.testing.TempNetns;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * One throw-away network namespace per test class, shared by its tries (creating one per try would
 * dominate the run time) and deleted after the class even when tries fail. Classes run one at a time.
 */
abstract class NamespaceContainer {
  private static TempNetns ns;

  @BeforeContainer
  static void createNamespace() {
    ns = TempNetns.create();
  }

  @AfterContainer
  static void deleteNamespace() {
    if (ns != null) {
      ns.close();
      ns = null;
    }
  }

  static TempNetns ns() {
    return ns;
  }
}
