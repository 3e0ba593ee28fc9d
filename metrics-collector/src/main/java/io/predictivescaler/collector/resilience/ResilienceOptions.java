package io.predictivescaler.collector.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * Retry, circuit breaker and time limiter settings for one source. Keep {@code timeout * attempts +
 * backoff} below the collection step so a tick's retries finish before the next tick.
 *
 * @param timeout time limit of one instant call (one attempt)
 * @param rangeTimeout time limit of one range call (all its chunks)
 * @param maxAttempts attempts per call, first included
 * @param initialBackoff wait before the first retry; doubles each retry, randomized by {@code
 *     jitter}
 * @param jitter randomization factor of the backoff, in [0, 1)
 * @param failureRateThreshold percentage of failed calls that opens the circuit, in (0, 100]
 * @param slidingWindowCalls calls the failure rate is computed over
 * @param minimumCalls calls needed before the failure rate counts
 * @param waitInOpenState how long the open circuit refuses calls before letting a few through
 * @param callsInHalfOpenState trial calls in half-open state
 */
public record ResilienceOptions(
    Duration timeout,
    Duration rangeTimeout,
    int maxAttempts,
    Duration initialBackoff,
    double jitter,
    float failureRateThreshold,
    int slidingWindowCalls,
    int minimumCalls,
    Duration waitInOpenState,
    int callsInHalfOpenState) {

  public ResilienceOptions {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(rangeTimeout, "rangeTimeout");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(waitInOpenState, "waitInOpenState");
    positive("timeout", timeout);
    positive("rangeTimeout", rangeTimeout);
    positive("initialBackoff", initialBackoff);
    positive("waitInOpenState", waitInOpenState);
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
    }
    if (!(jitter >= 0 && jitter < 1)) {
      throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
    }
    if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
      throw new IllegalArgumentException(
          "failureRateThreshold must be in (0, 100], got " + failureRateThreshold);
    }
    if (slidingWindowCalls < 1 || minimumCalls < 1 || callsInHalfOpenState < 1) {
      throw new IllegalArgumentException(
          "slidingWindowCalls, minimumCalls and callsInHalfOpenState must be >= 1, got "
              + slidingWindowCalls
              + ", "
              + minimumCalls
              + ", "
              + callsInHalfOpenState);
    }
  }

  /** Defaults for a 15 s step: 3 s per attempt, 3 attempts, circuit open for 30 s. */
  public static ResilienceOptions defaults() {
    return new ResilienceOptions(
        Duration.ofSeconds(3),
        Duration.ofSeconds(60),
        3,
        Duration.ofMillis(250),
        0.5,
        50f,
        10,
        5,
        Duration.ofSeconds(30),
        2);
  }

  public ResilienceOptions withTimeout(Duration t) {
    return new ResilienceOptions(
        t,
        rangeTimeout,
        maxAttempts,
        initialBackoff,
        jitter,
        failureRateThreshold,
        slidingWindowCalls,
        minimumCalls,
        waitInOpenState,
        callsInHalfOpenState);
  }

  public ResilienceOptions withRangeTimeout(Duration t) {
    return new ResilienceOptions(
        timeout,
        t,
        maxAttempts,
        initialBackoff,
        jitter,
        failureRateThreshold,
        slidingWindowCalls,
        minimumCalls,
        waitInOpenState,
        callsInHalfOpenState);
  }

  public ResilienceOptions withRetry(int attempts, Duration backoff) {
    return new ResilienceOptions(
        timeout,
        rangeTimeout,
        attempts,
        backoff,
        jitter,
        failureRateThreshold,
        slidingWindowCalls,
        minimumCalls,
        waitInOpenState,
        callsInHalfOpenState);
  }

  public ResilienceOptions withCircuit(int windowCalls, int minCalls, Duration waitOpen) {
    return new ResilienceOptions(
        timeout,
        rangeTimeout,
        maxAttempts,
        initialBackoff,
        jitter,
        failureRateThreshold,
        windowCalls,
        minCalls,
        waitOpen,
        callsInHalfOpenState);
  }

  private static void positive(String field, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + " must be > 0, got " + d);
    }
  }
}
