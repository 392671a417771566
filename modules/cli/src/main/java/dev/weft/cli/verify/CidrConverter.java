package dev.weft.cli.verify;

import dev.weft.model.value.Cidr;
import dev.weft.model.value.InvalidValueException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Lets picocli report a bad CIDR as a usage error (exit 2) with what was expected. */
final class CidrConverter implements ITypeConverter<Cidr> {
  @Override
  public Cidr convert(String value) {
    try {
      return Cidr.parse(value);
    } catch (InvalidValueException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
