package dev.weft.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Parses durations such as {@code 500ms}, {@code 2s}, {@code 1.5s} or {@code 1m}. The unit is required: a
 * bare {@code 2} means seconds to a ping user and milliseconds to a programmer, so weft asks.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  private static final Pattern FORMAT = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,3})?)(ms|s|m)");
  private static final String EXPECTED = "expected a duration with a unit, such as 500ms, 2s, 1.5s or 1m";

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  /** The duration {@code text} names, to the millisecond; a {@link CommandLine.TypeConversionException} otherwise. */
  public static Duration parse(String text) {
    Matcher m = FORMAT.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new CommandLine.TypeConversionException("'" + text + "' is not a duration: " + EXPECTED);
    }
    BigDecimal amount = new BigDecimal(m.group(1));
    BigDecimal millisPerUnit = switch (m.group(2)) {
      case "ms" -> BigDecimal.ONE;
      case "s" -> BigDecimal.valueOf(1000);
      default -> BigDecimal.valueOf(60_000);
    };
    BigDecimal millis = amount.multiply(millisPerUnit);
    if (millis.stripTrailingZeros().scale() > 0) {
      throw new CommandLine.TypeConversionException("'" + text + "' is finer than a millisecond: " + EXPECTED);
    }
    return Duration.ofMillis(millis.longValueExact());
  }
}
