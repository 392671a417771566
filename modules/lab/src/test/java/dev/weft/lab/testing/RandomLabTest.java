package dev.weft.lab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Every random lab is a valid topology, and the same seed gives the same lab. */
class RandomLabTest {
  @Property(tries = 300)
  void randomLabsAreValidAndReproducible(@ForAll long seed) {
    RandomLab lab = RandomLab.generate(seed);
    assertThat(lab.model().namespaces()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(RandomLab.generate(seed)).isEqualTo(lab);
  }
}
