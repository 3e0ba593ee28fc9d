package io.predictivescaler.core.service;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.LoggerFactory;

/**
 * Switches the root logger's console output to the configured format and level once the command
 * line has been read (logback.xml already picked a format from the environment before that).
 */
public final class LoggingSetup {

  private LoggingSetup() {}

  /**
   * Replaces the root logger's appenders by one console appender in {@code format} and sets the
   * root level to {@code level}.
   */
  public static void apply(LogFormat format, LogLevel level) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      apply(context, format, level);
    } // else another SLF4J backend: leave its configuration alone
  }

  static void apply(LoggerContext context, LogFormat format, LogLevel level) {
    ConsoleLayout layout = new ConsoleLayout();
    layout.setContext(context);
    layout.setFormat(format.configName());
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("console");
    appender.setEncoder(encoder);
    appender.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.addAppender(appender);
    root.setLevel(level.logback());
    for (Logger logger : context.getLoggerList()) {
      // logback.xml quiets some libraries (fabric8 at WARN); they never get chattier than that,
      // but a stricter level (error) applies to them too
      if (logger != root
          && logger.getLevel() != null
          && !logger.getLevel().isGreaterOrEqual(level.logback())) {
        logger.setLevel(level.logback());
      }
    }
  }
}
