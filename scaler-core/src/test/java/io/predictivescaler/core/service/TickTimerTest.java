package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.predictivescaler.core.actuate.DryRunActuator;
import io.predictivescaler.core.config.PolicySettings;
import io.predictivescaler.core.config.PrometheusMetric;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.tick.RefitScheduler;
import io.predictivescaler.core.tick.TickListener;
import io.predictivescaler.core.tick.TickOrchestrator;
import io.predictivescaler.core.tick.TickOutcome;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

// The project's Prometheus registry is the simpleclient one (docs/ARCHITECTURE.md §10), deprecated
// upstream.
@SuppressWarnings("deprecation")
class TickTimerTest {

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final long TICK_NANOS = Duration.ofMillis(40).toNanos();

  private final Vertx vertx = Vertx.vertx();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MutableClock clock = new MutableClock(T0);
  private final AtomicLong nanos = new AtomicLong();
  private final TickOrchestrator orchestrator =
      new TickOrchestrator(
          (policy, now) -> Optional.empty(),
          mode -> new DryRunActuator(),
          RefitScheduler.inline(),
          () -> false,
          TickListener.none());
  private final TickDispatcher dispatcher =
      new TickDispatcher(orchestrator, TickSettings.defaults(), System::nanoTime, registry);
  private final TickTimer timer =
      new TickTimer(
          vertx,
          dispatcher,
          clock,
          () -> {},
          () -> nanos.getAndAdd(TICK_NANOS),
          ServiceMeters.tickDuration(registry));

  @AfterEach
  void stop() {
    timer.close();
    dispatcher.close();
    vertx.close().await();
  }

  @Test
  void timesEachTickThatRanAWorkloadInTheHistogram() throws Exception {
    orchestrator.applyPolicies(List.of(checkout()));

    tick();
    clock.advance(Duration.ofSeconds(15));
    tick();

    assertThat(registry.scrape())
        .contains("predictive_scaler_tick_duration_seconds_count 2.0")
        .contains("predictive_scaler_tick_duration_seconds_sum 0.08")
        .contains("predictive_scaler_tick_duration_seconds_bucket{le=\"0.01\",} 0.0")
        .contains("predictive_scaler_tick_duration_seconds_bucket{le=\"0.05\",} 2.0")
        .contains("predictive_scaler_tick_duration_seconds_bucket{le=\"+Inf\",} 2.0");
  }

  @Test
  void aTickWithNoWorkloadDueIsNotTimed() throws Exception {
    orchestrator.applyPolicies(List.of(checkout()));

    List<TickOutcome> first = tick();
    List<TickOutcome> sameInstant = tick();

    assertThat(first).hasSize(1);
    assertThat(sameInstant).isEmpty();
    assertThat(registry.scrape()).contains("predictive_scaler_tick_duration_seconds_count 1.0");
  }

  @Test
  void aWorkloadStuckInItsTickDoesNotHoldUpTheNextDispatch() throws Exception {
    SlowWorkloads cluster = new SlowWorkloads();
    SlowWorkloads.Workload slow = cluster.add("slow", 2, 950).blocking();
    cluster.add("fast", 2, 950);
    TickOrchestrator loops =
        new TickOrchestrator(
            cluster, mode -> cluster, RefitScheduler.inline(), () -> true, TickListener.none());
    loops.applyPolicies(List.of(SlowWorkloads.policy("slow"), SlowWorkloads.policy("fast")));
    TickDispatcher pool =
        new TickDispatcher(
            loops,
            new TickSettings(2, 0.5),
            cluster.nanos::get,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    TickTimer stuckTimer =
        new TickTimer(
            vertx, pool, clock, () -> {}, System::nanoTime, ServiceMeters.tickDuration(registry));
    try {
      CompletableFuture<List<TickOutcome>> first =
          stuckTimer.tickNow().toCompletionStage().toCompletableFuture();
      assertThat(slow.entered.await(30, TimeUnit.SECONDS)).isTrue();
      await().atMost(Duration.ofSeconds(30)).until(() -> pool.inFlight() == 1);

      clock.advance(Duration.ofSeconds(15));
      List<TickOutcome> second =
          stuckTimer.tickNow().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

      assertThat(first).isNotDone();
      assertThat(second)
          .extracting(TickOutcome::toString)
          .anySatisfy(o -> assertThat(o).startsWith("TickOverrun: its previous tick is still"));
      assertThat(second)
          .filteredOn(TickOutcome.Decided.class::isInstance)
          .singleElement()
          .satisfies(o -> assertThat(o.policy().target().name()).isEqualTo("fast"));
      slow.release.countDown();
      assertThat(first.get(30, TimeUnit.SECONDS)).hasSize(2);
    } finally {
      slow.release.countDown();
      stuckTimer.close();
      pool.close();
    }
  }

  private List<TickOutcome> tick() throws Exception {
    return timer.tickNow().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static WorkloadPolicy checkout() {
    return WorkloadPolicy.of(
        TargetRef.deployment("shop", "checkout"),
        new PrometheusMetric("sum(rate(http_requests_total[1m]))", 100),
        10,
        PolicySettings.BUILT_IN);
  }
}
