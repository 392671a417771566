package dev.weft.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import picocli.CommandLine;

/** {@link DurationConverter}: every unit reads back to the same milliseconds; anything else is a clear error. */
class DurationConverterProperties {

  @Property
  void millisecondsSecondsAndMinutesRoundTrip(@ForAll @IntRange(min = 0, max = 999_999_999) int amount) {
    assertThat(DurationConverter.parse(amount + "ms")).isEqualTo(Duration.ofMillis(amount));
    assertThat(DurationConverter.parse(amount + "s")).isEqualTo(Duration.ofSeconds(amount));
    assertThat(DurationConverter.parse(amount + "m")).isEqualTo(Duration.ofMinutes(amount));
  }

  @Property
  void fractionalSecondsToTheMillisecond(@ForAll @IntRange(min = 0, max = 100_000) int whole,
      @ForAll @IntRange(min = 0, max = 999) int millis) {
    String text = whole + "." + String.format("%03d", millis) + "s";
    assertThat(DurationConverter.parse(text)).isEqualTo(Duration.ofSeconds(whole).plusMillis(millis));
  }

  @Property
  void finerThanAMillisecondIsRefused(@ForAll @IntRange(min = 0, max = 1000) int whole,
      @ForAll @IntRange(min = 1, max = 9) int tenth) {
    assertThatThrownBy(() -> DurationConverter.parse(whole + "." + tenth + "ms"))
        .isInstanceOf(CommandLine.TypeConversionException.class).hasMessageContaining("finer than a millisecond");
  }

  /** Whatever the text, the converter answers a duration or a conversion error naming the text, nothing else. */
  @Property
  void anyTextParsesOrFailsWithTheExpectedForm(@ForAll @StringLength(max = 12) String text) {
    try {
      assertThat(DurationConverter.parse(text).isNegative()).isFalse();
    } catch (CommandLine.TypeConversionException e) {
      assertThat(e.getMessage()).contains("'" + text + "'").contains("500ms");
    }
  }

  @Property
  void aNumberWithoutAUnitIsRefused(@ForAll @IntRange(min = 0, max = 1_000_000) int amount) {
    assertThatThrownBy(() -> DurationConverter.parse(Integer.toString(amount)))
        .isInstanceOf(CommandLine.TypeConversionException.class).hasMessageContaining("with a unit");
  }
}
