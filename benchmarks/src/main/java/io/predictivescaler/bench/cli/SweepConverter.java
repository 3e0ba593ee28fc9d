package io.predictivescaler.bench.cli;

import io.predictivescaler.bench.replay.SweepRange;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --sweep from:to:step}. */
public final class SweepConverter implements ITypeConverter<SweepRange> {

  @Override
  public SweepRange convert(String value) {
    try {
      return SweepRange.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("'" + value + "': " + e.getMessage());
    }
  }
}
