package io.predictivescaler.core.decision;

/** Number formatting for trace rules and explanations, cheap enough for the hot path. */
final class RuleText {

  private RuleText() {}

  /** Up to three decimals, no trailing zeros, no exponent for the magnitudes we show. */
  static String num(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    long thousandths = Math.round(value * 1000);
    if (thousandths % 1000 == 0) {
      return Long.toString(thousandths / 1000);
    }
    String sign = thousandths < 0 ? "-" : "";
    long abs = Math.abs(thousandths);
    String fraction = Long.toString(1000 + abs % 1000).substring(1);
    while (fraction.endsWith("0")) {
      fraction = fraction.substring(0, fraction.length() - 1);
    }
    return sign + (abs / 1000) + "." + fraction;
  }
}
