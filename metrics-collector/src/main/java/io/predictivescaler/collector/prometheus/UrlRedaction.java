package io.predictivescaler.collector.prometheus;

import java.util.regex.Pattern;

/**
 * Hides credentials written into URLs ({@code http://user:pass@host} becomes {@code
 * http://***@host}) in any text bound for an error message or a log line.
 */
public final class UrlRedaction {

  private static final Pattern USER_INFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#@\\s]+@");

  private UrlRedaction() {}

  /** {@code text} with every URL's user information replaced by {@code ***}. */
  public static String redact(String text) {
    return text == null ? null : USER_INFO.matcher(text).replaceAll("$1***@");
  }
}
