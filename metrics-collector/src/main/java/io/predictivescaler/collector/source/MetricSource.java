package io.predictivescaler.collector.source;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Where samples come from. Implementations do I/O and complete their stages off the caller's
 * thread; a failed stage carries a {@link MetricSourceException}.
 */
public interface MetricSource extends AutoCloseable {

  /** Stable name for logs and metric tags, e.g. {@code prometheus}. */
  String name();

  /** The value of {@code query} at {@code at}; an empty sample when the source has no data. */
  CompletionStage<InstantSample> instant(MetricQuery query, Instant at);

  /** Whether {@link #range} can return history (metrics-server cannot). */
  default boolean supportsRange() {
    return false;
  }

  /**
   * The values of {@code query} at {@code from}, {@code from + step}, ... up to {@code to}
   * inclusive.
   */
  default CompletionStage<RangeSamples> range(
      MetricQuery query, Instant from, Instant to, Duration step) {
    return CompletableFuture.failedFuture(
        new MetricSourceException(
            name(), FailureKind.UNSUPPORTED, name() + " keeps no history to query a range from"));
  }

  /**
   * The collector no longer asks {@code query}: drop whatever is kept for it (a circuit breaker,
   * its meters). Asking it again later starts afresh.
   */
  default void release(MetricQuery query) {}

  @Override
  default void close() {}
}
