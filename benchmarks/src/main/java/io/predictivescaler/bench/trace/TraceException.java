package io.predictivescaler.bench.trace;

/**
 * A trace that cannot be used: missing or unreadable file, malformed line, unsorted timestamps, too
 * short. The message names the file and, where there is one, the line.
 */
public class TraceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TraceException(String message) {
    super(message);
  }

  public TraceException(String message, Throwable cause) {
    super(message, cause);
  }
}
