package io.predictivescaler.bench.replay;

import java.time.Duration;

/** Durations as people write them on the command line: {@code 90s}, {@code 10m}, {@code 1h30m}. */
public final class Durations {

  private Durations() {}

  /**
   * Parses one or more {@code <number><unit>} parts, units {@code ms s m h d}, e.g. {@code 15s},
   * {@code 1h30m}; also ISO-8601 ({@code PT15S}).
   *
   * @throws IllegalArgumentException when the text is neither
   */
  public static Duration parse(String text) {
    String trimmed = text.strip();
    if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
      try {
        return Duration.parse(trimmed);
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("'" + text + "' is not a duration");
      }
    }
    if (trimmed.isEmpty()) {
      throw invalid(text);
    }
    Duration total = Duration.ZERO;
    int i = 0;
    while (i < trimmed.length()) {
      int digits = i;
      while (digits < trimmed.length() && Character.isDigit(trimmed.charAt(digits))) {
        digits++;
      }
      int unit = digits;
      while (unit < trimmed.length() && Character.isLetter(trimmed.charAt(unit))) {
        unit++;
      }
      if (digits == i || unit == digits || digits - i > 9) {
        throw invalid(text);
      }
      long amount = Long.parseLong(trimmed.substring(i, digits));
      total =
          total.plus(
              switch (trimmed.substring(digits, unit)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> throw invalid(text);
              });
      i = unit;
    }
    return total;
  }

  /** Shortest form, e.g. {@code 90s} as {@code 1m30s}, {@code 600s} as {@code 10m}. */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long seconds = duration.getSeconds();
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3600;
    long minutes = seconds % 3600 / 60;
    long rest = seconds % 60;
    append(out, days, "d");
    append(out, hours, "h");
    append(out, minutes, "m");
    append(out, rest, "s");
    append(out, duration.toMillisPart(), "ms");
    return out.toString();
  }

  private static void append(StringBuilder out, long amount, String unit) {
    if (amount > 0) {
      out.append(amount).append(unit);
    }
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "'" + text + "' is not a duration: use e.g. 15s, 10m, 1h30m or PT15S");
  }
}
