package dev.weft.engine.testing;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/** Fails a jqwik property that leaked a ByteBuf; registered globally through the service loader. */
public final class JqwikLeakCheckHook implements AroundPropertyHook {

  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }

  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
    PropertyExecutionResult result = property.execute();
    var leaks = LeakChecks.collect();
    if (leaks.isEmpty()) {
      return result;
    }
    return result.mapToFailed(new AssertionError(
        context.label() + " leaked " + leaks.size() + " Netty buffer(s):\n" + String.join("\n", leaks)));
  }
}
