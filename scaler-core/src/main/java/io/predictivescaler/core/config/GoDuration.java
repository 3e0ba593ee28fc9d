package io.predictivescaler.core.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written the Go way, as Kubernetes and Prometheus users write them: {@code 15s}, {@code
 * 10m}, {@code 1h30m}, {@code 1.5h}, {@code 500ms}, optionally signed. Units: ns, us (or µs), ms,
 * s, m, h. There is no day unit, as in Go: write {@code 24h}.
 */
public final class GoDuration {

  private static final Pattern WHOLE =
      Pattern.compile("[-+]?((\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|ms|s|m|h))+");
  private static final Pattern PART = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|ms|s|m|h)");
  private static final Map<String, Long> NANOS_PER_UNIT =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);
  private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

  private GoDuration() {}

  /** The duration {@code text} denotes, or empty when it is not a Go duration or overflows. */
  public static Optional<Duration> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    if (text.equals("0") || text.equals("-0") || text.equals("+0")) {
      return Optional.of(Duration.ZERO);
    }
    if (!WHOLE.matcher(text).matches()) {
      return Optional.empty();
    }
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      BigDecimal perUnit = BigDecimal.valueOf(NANOS_PER_UNIT.get(part.group(2)));
      nanos = nanos.add(new BigDecimal(part.group(1)).multiply(perUnit));
    }
    BigInteger whole = nanos.toBigInteger();
    if (whole.compareTo(MAX_NANOS) > 0) {
      return Optional.empty();
    }
    Duration d = Duration.ofNanos(whole.longValueExact());
    return Optional.of(text.startsWith("-") ? d.negated() : d);
  }

  /** Compact Go-style text: {@code 1h30m}, {@code 15s}, {@code 500ms}, {@code -5m}, {@code 0s}. */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    if (duration.isNegative()) {
      return "-" + format(duration.negated());
    }
    StringBuilder out = new StringBuilder();
    long hours = duration.toHours();
    int minutes = duration.toMinutesPart();
    long nanos = duration.toSecondsPart() * 1_000_000_000L + duration.toNanosPart();
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (minutes > 0) {
      out.append(minutes).append('m');
    }
    if (nanos > 0) {
      if (hours == 0 && minutes == 0 && nanos < 1_000_000_000L) {
        out.append(subSecond(nanos));
      } else {
        out.append(BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString()).append('s');
      }
    }
    return out.toString();
  }

  private static String subSecond(long nanos) {
    if (nanos % 1_000_000 == 0) {
      return nanos / 1_000_000 + "ms";
    }
    if (nanos % 1_000 == 0) {
      return nanos / 1_000 + "us";
    }
    return nanos + "ns";
  }
}
