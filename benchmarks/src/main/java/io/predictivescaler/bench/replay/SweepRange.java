package io.predictivescaler.bench.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * Utilizations a {@code --sweep from:to:step} visits, {@code from} and {@code to} included.
 *
 * @param from first utilization, in (0, 1]
 * @param to last utilization, in [from, 1]
 * @param step increment, > 0
 */
public record SweepRange(double from, double to, double step) {

  /** Most utilizations a sweep may visit. */
  public static final int MAX_VALUES = 100;

  public SweepRange {
    if (!(from > 0 && from <= 1)) {
      throw new IllegalArgumentException("sweep start must be in (0, 1], got " + from);
    }
    if (!(to >= from && to <= 1)) {
      throw new IllegalArgumentException("sweep end must be in [" + from + ", 1], got " + to);
    }
    if (!(step > 0)) {
      throw new IllegalArgumentException("sweep step must be > 0, got " + step);
    }
    if ((to - from) / step + 1 > MAX_VALUES) {
      throw new IllegalArgumentException(
          "sweep visits more than " + MAX_VALUES + " utilizations; use a larger step");
    }
  }

  /**
   * Parses {@code from:to:step}, e.g. {@code 0.6:0.95:0.05}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static SweepRange parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("expected from:to:step, e.g. 0.6:0.95:0.05");
    }
    double[] numbers = new double[3];
    for (int i = 0; i < 3; i++) {
      try {
        numbers[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + parts[i] + "' is not a number");
      }
    }
    return new SweepRange(numbers[0], numbers[1], numbers[2]);
  }

  /** The utilizations, rounded to 6 decimals so that 0.6 + 7 * 0.05 is 0.95. */
  public List<Double> values() {
    List<Double> values = new ArrayList<>();
    for (int i = 0; ; i++) {
      double value = Math.round((from + i * step) * 1e6) / 1e6;
      if (value > to + 1e-9) {
        return values;
      }
      values.add(value);
    }
  }
}
