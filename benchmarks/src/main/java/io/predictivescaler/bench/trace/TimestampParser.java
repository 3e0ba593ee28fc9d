package io.predictivescaler.bench.trace;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the timestamp column: {@code yyyy-MM-dd HH:mm:ss} (UTC), ISO-8601 with or without offset
 * (UTC when absent), or whole epoch seconds. Returns epoch seconds.
 */
final class TimestampParser {

  private static final DateTimeFormatter SPACE_SEPARATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private TimestampParser() {}

  /**
   * @throws DateTimeParseException when the text is none of the accepted forms
   */
  static long parseEpochSeconds(String text) {
    if (isEpochSeconds(text)) {
      int dot = text.indexOf('.');
      return Long.parseLong(dot < 0 ? text : text.substring(0, dot));
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

  /** Digits, optionally followed by a fraction of zeros ({@code 1436918400.0}). */
  private static boolean isEpochSeconds(String text) {
    int i = 0;
    while (i < text.length() && Character.isDigit(text.charAt(i))) {
      i++;
    }
    if (i == 0 || i > 12) {
      return false;
    }
    if (i == text.length()) {
      return true;
    }
    if (text.charAt(i) != '.') {
      return false;
    }
    for (int j = i + 1; j < text.length(); j++) {
      if (text.charAt(j) != '0') {
        return false;
      }
    }
    return true;
  }
}
