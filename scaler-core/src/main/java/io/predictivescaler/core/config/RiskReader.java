package io.predictivescaler.core.config;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code risk}: {@code hpa}, or a percentage of minutes overloaded such as {@code 0.1%}. A
 * bare number is rejected rather than guessed at: {@code 0.1} could mean 0.1 % or 10 %.
 */
final class RiskReader {

  static final String SHAPE = "\"hpa\" or a percentage like \"0.1%\"";

  private static final Pattern PERCENT = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)%");
  private static final BigDecimal MAX_PERCENT =
      BigDecimal.valueOf(RiskBudget.MAX_SHARE).movePointRight(2);

  private RiskReader() {}

  static Optional<RiskBudget> read(FieldReader r, String name, RiskBudget base) {
    if (r.isNumber(name)) {
      Optional<String> number = r.text(name, SHAPE);
      number.ifPresent(
          n ->
              r.error(
                  name,
                  "must be "
                      + SHAPE
                      + ", got "
                      + n
                      + " (a bare number is ambiguous: write 0.1% for one minute in a thousand)"));
      return Optional.empty();
    }
    return r.text(name, SHAPE).flatMap(t -> parse(r, name, t));
  }

  private static Optional<RiskBudget> parse(FieldReader r, String name, String text) {
    if (text.equals("hpa")) {
      return Optional.of(RiskBudget.hpa());
    }
    if (!PERCENT.matcher(text).matches()) {
      r.error(name, "must be " + SHAPE + ", got \"" + text + "\"");
      return Optional.empty();
    }
    BigDecimal percent = new BigDecimal(text.substring(0, text.length() - 1));
    if (percent.signum() <= 0 || percent.compareTo(MAX_PERCENT) > 0) {
      r.error(name, "must be > 0% and <= " + MAX_PERCENT.toPlainString() + "%, got " + text);
      return Optional.empty();
    }
    return Optional.of(RiskBudget.share(percent.movePointLeft(2).doubleValue()));
  }
}
