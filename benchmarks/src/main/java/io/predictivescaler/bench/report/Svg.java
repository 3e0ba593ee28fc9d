package io.predictivescaler.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small helpers shared by the SVG charts. */
final class Svg {

  private Svg() {}

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** A coordinate with one decimal. */
  static String num(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** A human number: no decimals from 100, otherwise up to 2 significant decimals. */
  static String label(double value) {
    if (Math.abs(value) >= 100 || value == Math.rint(value)) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
  }

  /**
   * The smallest round number (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of 10) >= {@code value}.
   */
  static double niceCeil(double value) {
    return ceilTo(value, new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10});
  }

  /** The smallest 1-2-2.5-5 step >= {@code value}. */
  static double niceStep(double value) {
    return ceilTo(value, new double[] {1, 2, 2.5, 5, 10});
  }

  private static double ceilTo(double value, double[] factors) {
    if (!(value > 0)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double factor : factors) {
      if (factor * magnitude >= value * (1 - 1e-12)) {
        return factor * magnitude;
      }
    }
    return 10 * magnitude;
  }

  /** About {@code count} evenly spaced round values from 0 up to {@code max}. */
  static List<Double> ticks(double max, int count) {
    double step = niceStep(max / count);
    List<Double> ticks = new ArrayList<>();
    for (double v = 0; v <= max * (1 + 1e-9); v += step) {
      ticks.add(v);
    }
    return ticks;
  }
}
