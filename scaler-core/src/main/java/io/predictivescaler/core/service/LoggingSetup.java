package io.predictivescaler.core.service;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.LoggerFactory;

/**
 * Switches the root logger's console output to the configured format once the command line has been
 * read (logback.xml already picked one from the environment before that).
 */
public final class LoggingSetup {

  /** key=value text: time, level, logger, the message, then the key-value pairs. */
  public static final String TEXT_PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} level=%level logger=%logger{36} thread=%thread"
          + " msg=\"%replace(%msg){'\"', '\\\\\"'}\" %kvp%n%ex";

  private LoggingSetup() {}

  /** Replaces the root logger's appenders by one console appender in {@code format}. */
  public static void apply(LogFormat format) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J backend: leave its configuration alone
    }
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
  }
}
