package io.predictivescaler.core.service;

import ch.qos.logback.classic.Level;
import java.util.Locale;

/** How much the service logs: the root logger's level, from {@code error} to {@code trace}. */
public enum LogLevel {
  ERROR(Level.ERROR),
  WARN(Level.WARN),
  INFO(Level.INFO),
  DEBUG(Level.DEBUG),
  TRACE(Level.TRACE);

  private final Level logback;

  LogLevel(Level logback) {
    this.logback = logback;
  }

  /** The spelling in flags and environment: {@code error | warn | info | debug | trace}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  Level logback() {
    return logback;
  }

  /** Parses one of the five names, ignoring case; null when it is none of them. */
  public static LogLevel parse(String value) {
    for (LogLevel level : values()) {
      if (level.configName().equalsIgnoreCase(value.trim())) {
        return level;
      }
    }
    return null;
  }
}
