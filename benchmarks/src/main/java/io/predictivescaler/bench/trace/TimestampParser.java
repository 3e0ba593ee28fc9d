package io.predictivescaler.bench.trace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the timestamp column: {@code yyyy-MM-dd HH:mm:ss} (UTC), ISO-8601 with or without offset
 * (UTC when absent), epoch seconds (with or without a fraction, as Prometheus' API gives them) or
 * epoch milliseconds (13 digits, as many exporters write them). Returns epoch seconds, a fraction
 * rounded to the nearest second (half up).
 */
final class TimestampParser {

  private static final DateTimeFormatter SPACE_SEPARATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /**
   * Most integer digits read as epoch seconds: 12 reach the year 33658. Thirteen are milliseconds
   * (from 2001-09-09 to 2286), which as seconds would be hundreds of thousands of years away.
   */
  private static final int MAX_SECONDS_DIGITS = 12;

  private static final int MILLISECONDS_DIGITS = 13;

  private TimestampParser() {}

  /**
   * @throws DateTimeParseException when the text is none of the accepted forms
   */
  static long parseEpochSeconds(String text) {
    int digits = epochDigits(text);
    if (digits > 0 && digits <= MAX_SECONDS_DIGITS) {
      return wholeSeconds(new BigDecimal(text));
    }
    if (digits == MILLISECONDS_DIGITS) {
      return wholeSeconds(new BigDecimal(text).movePointLeft(3));
    }
    if (text.length() == 19 && text.charAt(10) == ' ') {
      return LocalDateTime.parse(text, SPACE_SEPARATED).toEpochSecond(ZoneOffset.UTC);
    }
    TemporalAccessor parsed =
        DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
    if (parsed instanceof OffsetDateTime offset) {
      return offset.toEpochSecond();
    }
    return ((LocalDateTime) parsed).toEpochSecond(ZoneOffset.UTC);
  }

  private static long wholeSeconds(BigDecimal seconds) {
    return seconds.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  /**
   * The integer digits of an epoch number: digits, optionally followed by a point and more digits
   * ({@code 1436918400.781}); 0 when the text is not one.
   */
  private static int epochDigits(String text) {
    int digits = 0;
    while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
      digits++;
    }
    if (digits == 0 || digits == text.length()) {
      return digits;
    }
    if (text.charAt(digits) != '.') {
      return 0;
    }
    for (int j = digits + 1; j < text.length(); j++) {
      if (!Character.isDigit(text.charAt(j))) {
        return 0;
      }
    }
    return digits;
  }
}
