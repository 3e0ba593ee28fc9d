package io.predictivescaler.core.service;

import java.util.Locale;

/** Who may read the ops API's {@code /metrics} and {@code /api/v1/*}. */
public enum OpsAuthMode {
  /** A bearer token that Kubernetes accepts (TokenReview) and allows (SubjectAccessReview). */
  KUBERNETES,
  /** Anyone who reaches the port. */
  NONE;

  /** The spelling in flags and environment: {@code kubernetes | none}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code kubernetes | none}, ignoring case; null when it is neither. */
  public static OpsAuthMode parse(String value) {
    for (OpsAuthMode mode : values()) {
      if (mode.configName().equalsIgnoreCase(value.trim())) {
        return mode;
      }
    }
    return null;
  }
}
