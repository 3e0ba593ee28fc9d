package io.predictivescaler.core.service;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * key=value text, one record per line: {@code time level= logger= thread= msg="..."}, then the MDC
 * and the SLF4J key-value pairs as {@code key="value"}, then the stack trace of an exception.
 *
 * <p>Values are escaped so that a record is always one line whatever a policy or an API server puts
 * into them: backslash, quote, newline, carriage return, tab and every other control or line
 * separator character become escapes ({@code \n}, {@code \u2028}, ...), and a key keeps only
 * letters, digits, {@code _ . -}. Stack-trace lines after a record start with a class name, a tab
 * or {@code Caused by:}, never with a time stamp, because exception messages are escaped too.
 */
public final class TextLayout extends LayoutBase<ILoggingEvent> {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
  private static final int LOGGER_LENGTH = 36;

  private final ZoneId zone;
  private final TargetLengthBasedClassNameAbbreviator abbreviator =
      new TargetLengthBasedClassNameAbbreviator(LOGGER_LENGTH);

  /** Time stamps in the JVM's time zone, as logback's {@code %d} writes them. */
  public TextLayout() {
    this(ZoneId.systemDefault());
  }

  TextLayout(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(256);
    line.append(TIME.format(Instant.ofEpochMilli(event.getTimeStamp()).atZone(zone)))
        .append(" level=")
        .append(event.getLevel())
        .append(" logger=")
        .append(escape(abbreviator.abbreviate(String.valueOf(event.getLoggerName()))))
        .append(" thread=")
        .append(escape(String.valueOf(event.getThreadName())));
    pair(line, "msg", event.getFormattedMessage());
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc != null) {
      mdc.forEach((key, value) -> pair(line, key, value));
    }
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs != null) {
      pairs.forEach(pair -> pair(line, pair.key, pair.value));
    }
    line.append(CoreConstants.LINE_SEPARATOR);
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      throwable(line, thrown, "", "");
    }
    return line.toString();
  }

  /**
   * {@code value} with {@code \} and {@code "} escaped and every control or line separator
   * character written as an escape, so that it stays inside one quoted value on one line.
   */
  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (mustEscape(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** C0 and C1 controls, DEL, the Unicode line and paragraph separators, bidi overrides. */
  private static boolean mustEscape(char c) {
    return Character.isISOControl(c)
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }

  private static void pair(StringBuilder line, String key, Object value) {
    line.append(' ')
        .append(key == null ? "null" : key.replaceAll("[^A-Za-z0-9_.\\-]", "_"))
        .append("=\"")
        .append(escape(String.valueOf(value)))
        .append('"');
  }

  private static void throwable(
      StringBuilder out, IThrowableProxy thrown, String prefix, String indent) {
    out.append(indent).append(prefix);
    if (thrown.isCyclic()) {
      out.append("[CIRCULAR REFERENCE: ").append(header(thrown)).append(']');
      out.append(CoreConstants.LINE_SEPARATOR);
      return;
    }
    out.append(header(thrown)).append(CoreConstants.LINE_SEPARATOR);
    StackTraceElementProxy[] frames = thrown.getStackTraceElementProxyArray();
    int own = frames.length - thrown.getCommonFrames();
    for (int i = 0; i < own; i++) {
      out.append(indent)
          .append("\tat ")
          .append(escape(frames[i].getStackTraceElement().toString()))
          .append(CoreConstants.LINE_SEPARATOR);
    }
    if (thrown.getCommonFrames() > 0) {
      out.append(indent)
          .append("\t... ")
          .append(thrown.getCommonFrames())
          .append(" common frames omitted")
          .append(CoreConstants.LINE_SEPARATOR);
    }
    for (IThrowableProxy suppressed : thrown.getSuppressed()) {
      throwable(out, suppressed, "Suppressed: ", indent + "\t");
    }
    if (thrown.getCause() != null) {
      throwable(out, thrown.getCause(), "Caused by: ", indent);
    }
  }

  private static String header(IThrowableProxy thrown) {
    String message = thrown.getMessage();
    return escape(thrown.getClassName()) + (message == null ? "" : ": " + escape(message));
  }
}
