package dev.weft.linux.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.model.value.InvalidValueException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NetnsNameTest {
  @Test
  void acceptsWhatIpNetnsAccepts() {
    assertThat(NetnsName.of("lab1-host.a_b").value()).isEqualTo("lab1-host.a_b");
    assertThat(NetnsRef.named("x").file()).contains(Path.of("/run/netns/x"));
    assertThat(NetnsRef.home().file()).isEmpty();
  }

  @Test
  void rejectsPathsAndDots() {
    for (String bad : new String[] {"", ".", "..", "a/b", "a\0b", " ", "x".repeat(256)}) {
      assertThatThrownBy(() -> NetnsName.of(bad)).as(bad).isInstanceOf(InvalidValueException.class);
    }
  }
}
