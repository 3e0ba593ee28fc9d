package io.predictivescaler.collector.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.predictivescaler.collector.source.FailureKind;
import io.predictivescaler.collector.source.InstantSample;
import io.predictivescaler.collector.source.MetricSourceException;
import io.predictivescaler.collector.source.PromQlQuery;
import io.predictivescaler.collector.source.ScriptedSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResilientMetricSourceTest {

  private static final PromQlQuery QUERY = new PromQlQuery("up");
  private static final PromQlQuery SLOW_TENANT = new PromQlQuery("sum(rate(slow_total[5m]))");
  private static final Instant AT = Instant.parse("2024-03-01T12:00:00Z");

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ResilienceOptions fast =
      ResilienceOptions.defaults()
          .withTimeout(Duration.ofMillis(200))
          .withRetry(3, Duration.ofMillis(5))
          .withCircuit(4, 4, Duration.ofMinutes(5));

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  private static Throwable failureOf(CompletableFuture<?> f) {
    assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    return MetricSourceException.unwrap(f.handle((v, e) -> e).join());
  }

  @Test
  void retriesTransientFailuresUntilOneSucceeds() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    ScriptedSource flaky =
        new ScriptedSource(
            "prom",
            (q, at) ->
                attempts.incrementAndGet() < 3
                    ? ScriptedSource.failing(FailureKind.CONNECTION, "refused")
                    : CompletableFuture.completedFuture(InstantSample.of(at, 7.0)));
    ResilientMetricSource source = new ResilientMetricSource(flaky, fast, scheduler, registry);

    InstantSample sample = source.instant(QUERY, AT).toCompletableFuture().get(5, TimeUnit.SECONDS);

    assertThat(sample.value()).isEqualTo(7.0);
    assertThat(attempts).hasValue(3);
  }

  @Test
  void doesNotRetryOrCountQueryMistakes() {
    ScriptedSource wrong =
        new ScriptedSource(
            "prom", (q, at) -> ScriptedSource.failing(FailureKind.QUERY_ERROR, "parse error"));
    ResilientMetricSource source = new ResilientMetricSource(wrong, fast, scheduler, registry);

    for (int i = 0; i < 6; i++) {
      Throwable failure = failureOf(source.instant(QUERY, AT).toCompletableFuture());
      assertThat(MetricSourceException.kindOf(failure)).isEqualTo(FailureKind.QUERY_ERROR);
    }

    assertThat(wrong.instantCalls).hasValue(6);
    assertThat(source.circuitState(QUERY)).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void opensTheCircuitAfterRepeatedFailuresAndStopsCalling() {
    ScriptedSource down =
        new ScriptedSource(
            "prom", (q, at) -> ScriptedSource.failing(FailureKind.CONNECTION, "refused"));
    ResilientMetricSource source =
        new ResilientMetricSource(
            down, fast.withRetry(1, Duration.ofMillis(5)), scheduler, registry);
    for (int i = 0; i < 4; i++) {
      failureOf(source.instant(QUERY, AT).toCompletableFuture());
    }

    Throwable refused = failureOf(source.instant(QUERY, AT).toCompletableFuture());

    assertThat(source.circuitState(QUERY)).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(MetricSourceException.kindOf(refused)).isEqualTo(FailureKind.CIRCUIT_OPEN);
    assertThat(refused).hasMessageContaining("circuit breaker is open");
    assertThat(down.instantCalls).hasValue(4);
    assertThat(
            registry
                .get("predictive.scaler.collector.circuitbreaker.state")
                .tag("name", "prom up")
                .tag("state", "open")
                .gauge()
                .value())
        .isEqualTo(1.0);
  }

  @Test
  void aFailingQueryOpensOnlyItsOwnCircuit() throws Exception {
    ScriptedSource shared =
        new ScriptedSource(
            "prom",
            (q, at) ->
                q.equals(SLOW_TENANT)
                    ? ScriptedSource.failing(FailureKind.TIMEOUT, "too slow")
                    : CompletableFuture.completedFuture(InstantSample.of(at, 7.0)));
    ResilientMetricSource source =
        new ResilientMetricSource(
            shared, fast.withRetry(1, Duration.ofMillis(5)), scheduler, registry);
    for (int i = 0; i < 6; i++) {
      failureOf(source.instant(SLOW_TENANT, AT).toCompletableFuture());
    }

    InstantSample other = source.instant(QUERY, AT).toCompletableFuture().get(5, TimeUnit.SECONDS);

    assertThat(other.value()).isEqualTo(7.0);
    assertThat(source.circuitState(SLOW_TENANT)).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(source.circuitState(QUERY)).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void releasingAQueryDropsItsCircuitAndItsMeters() {
    ScriptedSource down =
        new ScriptedSource(
            "prom", (q, at) -> ScriptedSource.failing(FailureKind.CONNECTION, "refused"));
    ResilientMetricSource source =
        new ResilientMetricSource(
            down, fast.withRetry(1, Duration.ofMillis(5)), scheduler, registry);
    for (int i = 0; i < 4; i++) {
      failureOf(source.instant(QUERY, AT).toCompletableFuture());
    }

    source.release(QUERY);

    assertThat(registry.find("predictive.scaler.collector.circuitbreaker.state").gauges())
        .isEmpty();
    assertThat(source.circuitState(QUERY)).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void timeLimiterFailsASlowCall() {
    ScriptedSource slow = new ScriptedSource("prom", (q, at) -> new CompletableFuture<>());
    ResilientMetricSource source =
        new ResilientMetricSource(
            slow, fast.withRetry(1, Duration.ofMillis(5)), scheduler, registry);

    Throwable failure = failureOf(source.instant(QUERY, AT).toCompletableFuture());

    assertThat(MetricSourceException.kindOf(failure)).isEqualTo(FailureKind.TIMEOUT);
    assertThat(failure).hasMessageContaining("did not answer up within PT0.2S");
  }

  @Test
  void refusesNonsenseSettingsNamingTheField() {
    assertThatThrownBy(() -> ResilienceOptions.defaults().withRetry(0, Duration.ofMillis(5)))
        .hasMessage("maxAttempts must be >= 1, got 0");
    assertThatThrownBy(() -> ResilienceOptions.defaults().withTimeout(Duration.ZERO))
        .hasMessage("timeout must be > 0, got PT0S");
  }
}
