package dev.weft.linux.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.linux.error.RollbackException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class UndoLogTest {
  @Property
  void undoesNewestFirstAndEverythingDespiteFailures(@ForAll @IntRange(max = 20) int steps, @ForAll long failing) {
    UndoLog log = new UndoLog();
    List<Integer> undone = new ArrayList<>();
    List<Integer> expectedFailures = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      int step = i;
      boolean fails = ((failing >>> (i % 64)) & 1) == 1;
      if (fails) {
        expectedFailures.add(step);
      }
      log.push("step " + step, () -> {
        undone.add(step);
        if (fails) {
          throw new IllegalStateException("cannot undo " + step);
        }
      });
    }
    if (expectedFailures.isEmpty()) {
      log.rollback("op");
    } else {
      assertThatThrownBy(() -> log.rollback("op")).isInstanceOfSatisfying(RollbackException.class, e -> {
        assertThat(e.leftBehind()).hasSize(expectedFailures.size());
        assertThat(e.getSuppressed()).hasSize(expectedFailures.size());
      });
    }
    List<Integer> reversed = new ArrayList<>();
    for (int i = steps - 1; i >= 0; i--) {
      reversed.add(i);
    }
    assertThat(undone).containsExactlyElementsOf(reversed);
    assertThat(log.size()).isZero();
  }

  @Test
  void clearForgetsSteps() {
    UndoLog log = new UndoLog();
    log.push("x", () -> {
      throw new AssertionError("must not run");
    });
    log.clear();
    log.rollback("op");
  }
}
