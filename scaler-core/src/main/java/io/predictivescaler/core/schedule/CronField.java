package io.predictivescaler.core.schedule;

import java.util.List;
import java.util.Locale;

/**
 * One of the five fields of a cron expression: the values it allows, as bits, and whether it was
 * written as a bare {@code *} (which decides how day-of-month and day-of-week combine, see {@link
 * CronExpression}).
 *
 * @param bits bit {@code v} is set when value {@code v} is allowed
 * @param star true when an item of the field is {@code *} without a step (or with step 1), as
 *     robfig/cron decides it
 */
record CronField(long bits, boolean star) {

  /** The five fields, their ranges and, for month and day-of-week, their three-letter names. */
  enum Kind {
    MINUTE("minute", 0, 59, List.of()),
    HOUR("hour", 0, 23, List.of()),
    DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
    MONTH(
        "month",
        1,
        12,
        List.of(
            "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
    /** 0 and 7 are both Sunday; 7 is stored as 0. */
    DAY_OF_WEEK("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

    private final String label;
    private final int min;
    private final int max;
    private final List<String> names;

    Kind(String label, int min, int max, List<String> names) {
      this.label = label;
      this.min = min;
      this.max = max;
      this.names = names;
    }

    String label() {
      return label;
    }
  }

  /** Values {@code 0..63} as bits; every field's range fits. */
  boolean allows(int value) {
    return (bits & (1L << value)) != 0;
  }

  /** The greatest allowed value that is at most {@code cap}, or -1 when there is none. */
  int greatestAtMost(int cap) {
    long masked = bits & ((2L << cap) - 1);
    return masked == 0 ? -1 : 63 - Long.numberOfLeadingZeros(masked);
  }

  /**
   * Parses one field: a comma-separated list of {@code *}, a value, or a range {@code a-b}, each
   * optionally followed by a step {@code /n}; {@code a/n} runs from {@code a} to the field's
   * maximum. Months and days of the week may also be written by their English three-letter names.
   *
   * @throws IllegalArgumentException naming the field and what is wrong with it
   */
  static CronField parse(String text, Kind kind) {
    long bits = 0;
    boolean star = false;
    for (String item : text.split(",", -1)) {
      bits |= item(item, kind);
      star |= item.equals("*") || item.equals("*/1");
    }
    if (kind == Kind.DAY_OF_WEEK && (bits & (1L << 7)) != 0) {
      bits = (bits & ~(1L << 7)) | 1L;
    }
    return new CronField(bits, star);
  }

  private static long item(String item, Kind kind) {
    if (item.isEmpty()) {
      throw problem(kind, "empty list item");
    }
    String range = item;
    int step = 1;
    int slash = item.indexOf('/');
    if (slash >= 0) {
      range = item.substring(0, slash);
      step = number(item.substring(slash + 1), kind, "step");
      if (step < 1) {
        throw problem(kind, "step " + step + " must be >= 1");
      }
    }
    int low;
    int high;
    if (range.equals("*")) {
      low = kind.min;
      high = kind.max;
    } else {
      int dash = range.indexOf('-', 1);
      low = value(dash < 0 ? range : range.substring(0, dash), kind);
      high = dash < 0 ? (slash >= 0 ? kind.max : low) : value(range.substring(dash + 1), kind);
      if (high < low) {
        throw problem(kind, "range " + range + " runs backwards");
      }
    }
    long bits = 0;
    for (int v = low; v <= high; v += step) {
      bits |= 1L << v;
    }
    return bits;
  }

  private static int value(String text, Kind kind) {
    int at = kind.names.indexOf(text.toUpperCase(Locale.ROOT));
    int value = at >= 0 ? at + (kind == Kind.MONTH ? 1 : 0) : number(text, kind, "value");
    if (value < kind.min || value > kind.max) {
      throw problem(kind, value + " is out of range " + kind.min + "-" + kind.max);
    }
    return value;
  }

  private static int number(String text, Kind kind, String what) {
    if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      String names = kind.names.isEmpty() ? "" : " or name";
      throw problem(
          kind, "\"" + text + "\" is not a " + what + (what.equals("value") ? names : ""));
    }
    return Integer.parseInt(text);
  }

  private static IllegalArgumentException problem(Kind kind, String detail) {
    return new IllegalArgumentException(kind.label + ": " + detail);
  }
}
