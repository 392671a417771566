package dev.weft.linux.tx;

import dev.weft.linux.error.RollbackException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A stack of compensating actions. Each completed step pushes its undo; {@link #rollback} runs them
 * newest first and keeps going past failures, so one stuck step does not strand the others.
 */
public final class UndoLog {
  private record Step(String description, Runnable undo) {}

  private final Deque<Step> steps = new ArrayDeque<>();

  public void push(String description, Runnable undo) {
    steps.push(new Step(description, undo));
  }

  public int size() {
    return steps.size();
  }

  /** Forgets every step (the operation succeeded). */
  public void clear() {
    steps.clear();
  }

  /** Runs every undo, newest first; throws RollbackException listing the ones that failed. */
  public void rollback(String operation) {
    List<String> failed = new ArrayList<>();
    List<RuntimeException> causes = new ArrayList<>();
    while (!steps.isEmpty()) {
      Step step = steps.pop();
      try {
        step.undo().run();
      } catch (RuntimeException e) {
        failed.add(step.description());
        causes.add(e);
      }
    }
    if (!failed.isEmpty()) {
      RollbackException ex = new RollbackException(operation, failed);
      causes.forEach(ex::addSuppressed);
      throw ex;
    }
  }
}
