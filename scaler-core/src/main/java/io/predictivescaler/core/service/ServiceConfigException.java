package io.predictivescaler.core.service;

import java.util.List;

/** The service's own settings are invalid; the message lists every problem, one per line. */
public final class ServiceConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ServiceConfigException(List<String> problems) {
    super("invalid service configuration:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem, naming the variable or flag and the bad value. */
  public List<String> problems() {
    return problems;
  }
}
