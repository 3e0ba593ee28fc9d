package io.predictivescaler.core.config;

import java.util.Objects;

/**
 * One problem found in a policy document: the path of the offending field ({@code
 * workloads[2].horizon}) and what is wrong with it, including the bad value.
 *
 * <p>The path is empty for errors about the document as a whole (YAML syntax, empty document).
 */
public record ConfigError(String path, String message) {

  public ConfigError {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    if (message.isBlank()) {
      throw new IllegalArgumentException("message must not be blank");
    }
  }

  /** Renders the error as SREs see it: {@code workloads[2].horizon: must be > 0, got -5m}. */
  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
