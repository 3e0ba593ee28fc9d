package io.predictivescaler.core.tick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.predictivescaler.collector.window.RollingWindow;
import io.predictivescaler.core.actuate.DryRunActuator;
import io.predictivescaler.core.config.LeadTime;
import io.predictivescaler.core.config.MetricSpec;
import io.predictivescaler.core.config.PolicySettings;
import io.predictivescaler.core.config.PrometheusMetric;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.decision.ReasonCode;
import io.predictivescaler.core.decision.StageTrace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The tick loop of a workload with two metrics: each has its own window and its own forecast track,
 * and the decision is the larger recommendation, named for its metric.
 */
class SeveralMetricsTickTest {

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(15);
  private static final PrometheusMetric REQUESTS = new PrometheusMetric("sum(requests)", 100);
  private static final PrometheusMetric QUEUE = new PrometheusMetric("sum(queue_depth)", 10);

  /** Two metrics' windows, fed by load functions of time, and the replicas the loop writes. */
  private static final class TwoSeries implements WorkloadObserver {

    final Map<MetricSpec, RollingWindow> windows = new LinkedHashMap<>();
    final Map<MetricSpec, ToDoubleFunction<Instant>> loads = new LinkedHashMap<>();
    int replicas = 4;

    void add(PrometheusMetric metric, ToDoubleFunction<Instant> load) {
      windows.put(metric, RollingWindow.withDefaultRetention(STEP));
      loads.put(metric, load);
    }

    void sample(Instant now) {
      loads.forEach(
          (metric, load) -> windows.get(metric).append(now, load.applyAsDouble(now), now));
    }

    @Override
    public Optional<WorkloadObservation> observe(WorkloadPolicy policy, Instant now) {
      List<MetricObservation> metrics = new ArrayList<>();
      for (MetricSpec metric : policy.metrics()) {
        PrometheusMetric prometheus = (PrometheusMetric) metric;
        metrics.add(WindowObservation.of(prometheus, STEP, windows.get(metric).snapshot(), now));
      }
      return Optional.of(new WorkloadObservation(replicas, replicas, metrics));
    }
  }

  @Test
  void forecastsEachMetricOnItsOwnSeries() {
    TwoSeries cluster = new TwoSeries();
    cluster.add(REQUESTS, t -> 300);
    cluster.add(QUEUE, t -> 60);
    TickOrchestrator orchestrator = orchestrator(cluster, policy(REQUESTS, QUEUE));

    TickOutcome.Decided last = runFor(orchestrator, cluster, Duration.ofMinutes(30));

    assertThat(last.forecasts())
        .extracting(MetricForecast::metric)
        .containsExactly("sum(requests)", "sum(queue_depth)");
    Instant ahead = last.now().plus(Duration.ofMinutes(5));
    assertThat(last.forecasts().get(0).forecast().pointAt(ahead)).isCloseTo(300, within(15.0));
    assertThat(last.forecasts().get(1).forecast().pointAt(ahead)).isCloseTo(60, within(3.0));
  }

  @Test
  void theLargerRecommendationWinsAndItsMetricIsNamed() {
    TwoSeries cluster = new TwoSeries();
    cluster.add(REQUESTS, t -> 300);
    cluster.add(QUEUE, t -> 60);
    TickOrchestrator orchestrator = orchestrator(cluster, policy(REQUESTS, QUEUE));

    TickOutcome.Decided first = runFor(orchestrator, cluster, STEP);

    // requests ask for ceil(300 / 100) = 3 replicas, the queue for ceil(60 / 10) = 6; no forecast
    // is usable yet, so the decision is reactive only
    assertThat(first.decision().replicas()).isEqualTo(6);
    assertThat(first.decision().reason()).isEqualTo(ReasonCode.INSUFFICIENT_HISTORY);
    assertThat(first.decision().stage(StageTrace.REACTIVE).orElseThrow().rule())
        .startsWith("sum(queue_depth) 60 vs 10 per replica");
    assertThat(first.explanation()).contains("sum(queue_depth) 60 vs 10 per replica");
  }

  @Test
  void aMetricAddedLaterGetsItsOwnTrackWhileTheOtherKeepsItsForecaster() {
    TwoSeries cluster = new TwoSeries();
    cluster.add(REQUESTS, t -> 300);
    cluster.add(QUEUE, t -> 60);
    TickOrchestrator orchestrator = orchestrator(cluster, policy(REQUESTS));
    runFor(orchestrator, cluster, Duration.ofMinutes(10));
    Instant fitted = orchestrator.forecasterStatus(target()).orElseThrow().fittedAt();

    orchestrator.applyPolicies(List.of(policy(REQUESTS, QUEUE)));
    TickOutcome.Decided next = runFor(orchestrator, cluster, STEP, T0.plus(Duration.ofMinutes(10)));

    assertThat(next.forecasts())
        .extracting(MetricForecast::metric)
        .containsExactly("sum(requests)", "sum(queue_depth)");
    assertThat(next.forecasts().get(1).forecast()).isNotNull();
    // a new forecaster would have been fitted at this tick; the kept one waits for its refit
    assertThat(fitted).isNotNull().isBefore(next.now());
    assertThat(orchestrator.forecasterStatus(target()).orElseThrow().fittedAt()).isEqualTo(fitted);
  }

  private static TickOrchestrator orchestrator(TwoSeries cluster, WorkloadPolicy policy) {
    TickOrchestrator orchestrator =
        new TickOrchestrator(
            cluster,
            mode -> new DryRunActuator(),
            RefitScheduler.inline(),
            () -> true,
            TickListener.none());
    orchestrator.applyPolicies(List.of(policy));
    return orchestrator;
  }

  private static TickOutcome.Decided runFor(
      TickOrchestrator orchestrator, TwoSeries cluster, Duration span) {
    return runFor(orchestrator, cluster, span, T0);
  }

  private static TickOutcome.Decided runFor(
      TickOrchestrator orchestrator, TwoSeries cluster, Duration span, Instant from) {
    TickOutcome.Decided last = null;
    for (long s = 0; s < span.getSeconds(); s += STEP.getSeconds()) {
      Instant now = from.plusSeconds(s);
      cluster.sample(now);
      for (TickOutcome outcome : orchestrator.tick(now)) {
        last = (TickOutcome.Decided) outcome;
      }
    }
    return last;
  }

  private static TargetRef target() {
    return TargetRef.deployment("shop", "orders");
  }

  private static WorkloadPolicy policy(MetricSpec... metrics) {
    WorkloadPolicy policy =
        new WorkloadPolicy(target(), List.of(metrics), 40, PolicySettings.BUILT_IN);
    return Policies.with(policy, ScalingMode.DRY_RUN, STEP, LeadTime.fixed(Duration.ofSeconds(30)));
  }
}
