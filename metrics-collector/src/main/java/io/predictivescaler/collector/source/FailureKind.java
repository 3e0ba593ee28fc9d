package io.predictivescaler.collector.source;

/** Why a source call failed; a closed set used as a metric tag. */
public enum FailureKind {
  /** Could not connect, connection reset, TLS failure. */
  CONNECTION("connection", true),
  /** The call took longer than allowed. */
  TIMEOUT("timeout", true),
  /** A non-2xx HTTP answer without a structured error body. */
  HTTP_STATUS("http_status", true),
  /** The source answered with a structured error (Prometheus {@code "status":"error"}). */
  QUERY_ERROR("query_error", false),
  /** The body could not be understood (not JSON, wrong shape). */
  BAD_RESPONSE("bad_response", false),
  /** The response body was longer than the configured limit; it was refused, not buffered. */
  RESPONSE_TOO_LARGE("response_too_large", false),
  /** The query yielded several series where one was expected. */
  AMBIGUOUS("ambiguous", false),
  /** Kubernetes API error, missing Deployment, pods without requests. */
  KUBERNETES("kubernetes", true),
  /** The circuit breaker is open and the call was not attempted. */
  CIRCUIT_OPEN("circuit_open", false),
  /** The source does not support the operation. */
  UNSUPPORTED("unsupported", false),
  /** Anything else. */
  OTHER("other", false);

  private final String tag;
  private final boolean transientFailure;

  FailureKind(String tag, boolean transientFailure) {
    this.tag = tag;
    this.transientFailure = transientFailure;
  }

  public String tag() {
    return tag;
  }

  /** Whether retrying the same call may succeed. */
  public boolean isTransient() {
    return transientFailure;
  }
}
