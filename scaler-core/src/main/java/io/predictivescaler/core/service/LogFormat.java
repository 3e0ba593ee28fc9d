package io.predictivescaler.core.service;

import java.util.Locale;
import java.util.Map;

/** How the service writes logs: JSON lines in a container, key=value text at a terminal. */
public enum LogFormat {
  JSON,
  TEXT;

  /** The spelling in flags and environment: {@code json | text}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** JSON inside a cluster (KUBERNETES_SERVICE_HOST is set), text elsewhere. */
  public static LogFormat defaultFor(Map<String, String> env) {
    String host = env.get("KUBERNETES_SERVICE_HOST");
    return host == null || host.isBlank() ? TEXT : JSON;
  }

  /** Parses {@code json | text}, ignoring case; null when it is neither. */
  public static LogFormat parse(String value) {
    for (LogFormat format : values()) {
      if (format.configName().equalsIgnoreCase(value.trim())) {
        return format;
      }
    }
    return null;
  }
}
