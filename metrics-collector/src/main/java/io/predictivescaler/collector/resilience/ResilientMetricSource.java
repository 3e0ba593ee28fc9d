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
 * mistakes (bad PromQL, several series) are neither retried nor held against the source. Circuit
 * breaker, retry and time limiter state is bound to the {@link MeterRegistry} given, tagged with
 * the source's name.
 */
public final class ResilientMetricSource implements MetricSource {

  private static final Set<FailureKind> SOURCE_HEALTH =
      EnumSet.of(
          FailureKind.CONNECTION,
          FailureKind.TIMEOUT,
          FailureKind.HTTP_STATUS,
          FailureKind.BAD_RESPONSE,
          FailureKind.KUBERNETES,
          FailureKind.OTHER);

  private final MetricSource delegate;
  private final ScheduledExecutorService scheduler;
  private final CircuitBreaker circuitBreaker;
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
    CircuitBreakerRegistry breakers =
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
    this.circuitBreaker = breakers.circuitBreaker(name);
    this.retry = retries.retry(name);
    this.instantLimiter =
        limiters.timeLimiter(
            name, TimeLimiterConfig.custom().timeoutDuration(options.timeout()).build());
    this.rangeLimiter =
        limiters.timeLimiter(
            name + "-range",
            TimeLimiterConfig.custom().timeoutDuration(options.rangeTimeout()).build());
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
    TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
    TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(limiters).bindTo(registry);
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

  public CircuitBreaker.State circuitState() {
    return circuitBreaker.getState();
  }

  public CircuitBreaker circuitBreaker() {
    return circuitBreaker;
  }

  @Override
  public void close() {
    delegate.close();
  }

  private <T> CompletionStage<T> call(
      TimeLimiter limiter, MetricQuery query, Supplier<CompletionStage<T>> call) {
    Supplier<CompletionStage<T>> limited = () -> limiter.executeCompletionStage(scheduler, call);
    Supplier<CompletionStage<T>> guarded =
        CircuitBreaker.decorateCompletionStage(circuitBreaker, limited);
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
