package io.predictivescaler.collector.source;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** A failed source call, with its {@link FailureKind} and a message that names where. */
public class MetricSourceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final FailureKind kind;

  public MetricSourceException(String source, FailureKind kind, String message) {
    super(message);
    this.source = source;
    this.kind = kind;
  }

  public MetricSourceException(String source, FailureKind kind, String message, Throwable cause) {
    super(message, cause);
    this.source = source;
    this.kind = kind;
  }

  public String source() {
    return source;
  }

  public FailureKind kind() {
    return kind;
  }

  /** Unwraps completion wrappers so callers see the real failure. */
  public static Throwable unwrap(Throwable t) {
    Throwable current = t;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /** The failure kind of any throwable a source stage may fail with. */
  public static FailureKind kindOf(Throwable t) {
    Throwable cause = unwrap(t);
    if (cause instanceof MetricSourceException e) {
      return e.kind();
    }
    if (cause instanceof TimeoutException) {
      return FailureKind.TIMEOUT;
    }
    return FailureKind.OTHER;
  }
}
