package dev.weft.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proves the leak check is live: a buffer dropped without release is reported. */
class LeakDetectionTest {

  @Test
  void aLeakedBufferIsReported() {
    assertThat(LeakChecks.installed()).isTrue();
    List<String> found = new ArrayList<>();
    for (int attempt = 0; attempt < 5 && found.isEmpty(); attempt++) {
      leakOne();
      found.addAll(LeakChecks.collect());
    }
    assertThat(found).isNotEmpty();
    assertThat(found.getFirst()).contains("ByteBuf").contains("leaked");
  }

  private static void leakOne() {
    ByteBufAllocator.DEFAULT.buffer(16).writeInt(42); // deliberately never released
  }
}
