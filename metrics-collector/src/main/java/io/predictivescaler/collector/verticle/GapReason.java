package io.predictivescaler.collector.verticle;

import io.predictivescaler.collector.source.FailureKind;

/** Why a tick produced no value. */
public enum GapReason {
  /** The source answered without data (empty vector, stale series, no pods with metrics). */
  NO_DATA,
  /** The source answered with a value the window refused (NaN, Inf, negative, ...). */
  SAMPLE_REJECTED,
  /** The source failed (connection, HTTP error, bad body, query error). */
  SOURCE_FAILED,
  /** The source did not answer in time. */
  TIMEOUT,
  /** The source's circuit breaker is open; it was not asked. */
  CIRCUIT_OPEN,
  /** The previous tick's query was still running. */
  QUERY_IN_FLIGHT;

  static GapReason of(FailureKind kind) {
    return switch (kind) {
      case TIMEOUT -> TIMEOUT;
      case CIRCUIT_OPEN -> CIRCUIT_OPEN;
      default -> SOURCE_FAILED;
    };
  }
}
