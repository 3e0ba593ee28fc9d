package io.predictivescaler.collector.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.predictivescaler.collector.source.FailureKind;
import io.predictivescaler.collector.source.InstantSample;
import io.predictivescaler.collector.source.MetricQuery;
import io.predictivescaler.collector.source.MetricSource;
import io.predictivescaler.collector.source.MetricSourceException;
import io.predictivescaler.collector.source.RangeSamples;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Wraps a {@link MetricSource} in Resilience4j: each attempt is time-limited, attempts pass a
 * circuit breaker, and transient failures are retried with exponential backoff and jitter. Query
 * mistakes (bad PromQL, several series) are neither retried nor held against the source.
 *
 * <p>Each query has its own circuit breaker (one per workload), so one tenant's slow or failing
 * query opens only its own circuit, never the source's for every tenant; {@link #release} drops a
 * query's breaker when the collector stops asking it. Retry and time limiter are per source. All
 * three are bound to the {@link MeterRegistry} given under {@code predictive.scaler.collector.*};
 * breakers are tagged {@code name="<source> <query>"}, the others {@code name="<source>"}.
 */
public final class ResilientMetricSource implements MetricSource {

  private static final Set<FailureKind> SOURCE_HEALTH =
      EnumSet.of(
          FailureKind.CONNECTION,
          FailureKind.TIMEOUT,
          FailureKind.HTTP_STATUS,
          FailureKind.BAD_RESPONSE,
          FailureKind.RESPONSE_TOO_LARGE,
          FailureKind.KUBERNETES,
          FailureKind.OTHER);

  private final MetricSource delegate;
  private final ScheduledExecutorService scheduler;
  private final CircuitBreakerRegistry breakers;
  private final Retry retry;
  private final TimeLimiter instantLimiter;
  private final TimeLimiter rangeLimiter;

  public ResilientMetricSource(
      MetricSource delegate,
      ResilienceOptions options,
      ScheduledExecutorService scheduler,
      MeterRegistry registry) {
    this.delegate = delegate;
    this.scheduler = scheduler;
    String name = delegate.name();
    this.breakers =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .failureRateThreshold(options.failureRateThreshold())
                .slidingWindow(
                    options.slidingWindowCalls(),
                    options.minimumCalls(),
                    CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .waitDurationInOpenState(options.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(options.callsInHalfOpenState())
                .recordException(t -> SOURCE_HEALTH.contains(MetricSourceException.kindOf(t)))
                .writableStackTraceEnabled(false)
                .build());
    RetryRegistry retries =
        RetryRegistry.of(
            RetryConfig.custom()
                .maxAttempts(options.maxAttempts())
                .intervalFunction(
                    IntervalFunction.ofExponentialRandomBackoff(
                        options.initialBackoff(), 2.0, options.jitter()))
                .retryOnException(
                    t ->
                        !(MetricSourceException.unwrap(t) instanceof CallNotPermittedException)
                            && MetricSourceException.kindOf(t).isTransient())
                .build());
    TimeLimiterRegistry limiters = TimeLimiterRegistry.ofDefaults();
    this.retry = retries.retry(name);
    this.instantLimiter =
        limiters.timeLimiter(
            name, TimeLimiterConfig.custom().timeoutDuration(options.timeout()).build());
    this.rangeLimiter =
        limiters.timeLimiter(
            name + "-range",
            TimeLimiterConfig.custom().timeoutDuration(options.rangeTimeout()).build());
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(
            ResilienceMeterNames.circuitBreaker(), breakers)
        .bindTo(registry);
    TaggedRetryMetrics.ofRetryRegistry(ResilienceMeterNames.retry(), retries).bindTo(registry);
    TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(ResilienceMeterNames.timeLimiter(), limiters)
        .bindTo(registry);
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public CompletionStage<InstantSample> instant(MetricQuery query, Instant at) {
    return call(instantLimiter, query, () -> delegate.instant(query, at));
  }

  @Override
  public boolean supportsRange() {
    return delegate.supportsRange();
  }

  @Override
  public CompletionStage<RangeSamples> range(
      MetricQuery query, Instant from, Instant to, Duration step) {
    return call(rangeLimiter, query, () -> delegate.range(query, from, to, step));
  }

  /** The state of the query's circuit; {@code CLOSED} for a query not asked yet. */
  public CircuitBreaker.State circuitState(MetricQuery query) {
    return breakers
        .find(breakerName(query))
        .map(CircuitBreaker::getState)
        .orElse(CircuitBreaker.State.CLOSED);
  }

  /** Drops the query's circuit breaker and its meters, then tells the source. */
  @Override
  public void release(MetricQuery query) {
    breakers.remove(breakerName(query));
    delegate.release(query);
  }

  @Override
  public void close() {
    delegate.close();
  }

  private <T> CompletionStage<T> call(
      TimeLimiter limiter, MetricQuery query, Supplier<CompletionStage<T>> call) {
    Supplier<CompletionStage<T>> limited = () -> limiter.executeCompletionStage(scheduler, call);
    Supplier<CompletionStage<T>> guarded =
        CircuitBreaker.decorateCompletionStage(
            breakers.circuitBreaker(breakerName(query)), limited);
    CompletableFuture<T> result = new CompletableFuture<>();
    retry
        .executeCompletionStage(scheduler, guarded)
        .whenComplete(
            (value, error) -> {
              if (error == null) {
                result.complete(value);
              } else {
                result.completeExceptionally(translate(error, limiter, query));
              }
            });
    return result;
  }

  /** One line, so that the breaker's {@code name} tag stays readable. */
  private String breakerName(MetricQuery query) {
    return name() + " " + query.describe().strip().replaceAll("\\s+", " ");
  }

  private Throwable translate(Throwable error, TimeLimiter limiter, MetricQuery query) {
    Throwable cause = MetricSourceException.unwrap(error);
    if (cause instanceof CallNotPermittedException) {
      return new MetricSourceException(
          name(),
          FailureKind.CIRCUIT_OPEN,
          "source "
              + name()
              + " not called for "
              + query.describe()
              + ": circuit breaker is open after repeated failures",
          cause);
    }
    if (cause instanceof TimeoutException) {
      return new MetricSourceException(
          name(),
          FailureKind.TIMEOUT,
          "source "
              + name()
              + " did not answer "
              + query.describe()
              + " within "
              + limiter.getTimeLimiterConfig().getTimeoutDuration(),
          cause);
    }
    return cause;
  }
}
