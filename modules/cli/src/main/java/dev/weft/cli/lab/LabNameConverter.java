package dev.weft.cli.lab;

import dev.weft.lab.LabName;
import picocli.CommandLine;

/** {@code --lab NAME} / {@code --prefix NAME}: a bad name is a usage error (exit 2) that says what a name is. */
public final class LabNameConverter implements CommandLine.ITypeConverter<LabName> {
  @Override
  public LabName convert(String value) {
    try {
      return LabName.of(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
