package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.predictivescaler.collector.window.RollingWindow;
import io.predictivescaler.core.actuate.DryRunActuator;
import io.predictivescaler.core.config.ConfigMapRef;
import io.predictivescaler.core.config.MetricSpec;
import io.predictivescaler.core.config.PolicyFields;
import io.predictivescaler.core.config.PolicySet;
import io.predictivescaler.core.config.PolicySettings;
import io.predictivescaler.core.config.PrometheusMetric;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.explain.DecisionRecorder;
import io.predictivescaler.core.kube.Fixtures;
import io.predictivescaler.core.tick.MetricForecast;
import io.predictivescaler.core.tick.MetricObservation;
import io.predictivescaler.core.tick.RefitScheduler;
import io.predictivescaler.core.tick.TickOrchestrator;
import io.predictivescaler.core.tick.TickOutcome;
import io.predictivescaler.core.tick.WindowObservation;
import io.predictivescaler.core.tick.WorkloadObservation;
import io.predictivescaler.forecast.ForecasterStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/workloads} of a workload with two metrics, fed by the real tick loop: each metric
 * shows its own forecast, calibration, trust and forecast-vs-actual track; the top-level fields
 * stay the first metric's.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class WorkloadStatusViewTest {

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(15);
  private static final TargetRef ORDERS = TargetRef.deployment("shop", "orders");
  private static final PrometheusMetric REQUESTS = new PrometheusMetric("sum(requests)", 100);
  private static final PrometheusMetric QUEUE = new PrometheusMetric("sum(queue_depth)", 10);

  static KubernetesClient client;

  private final Map<MetricSpec, RollingWindow> windows = new LinkedHashMap<>();
  private final Random noise = new Random(11);
  private final AtomicReference<PolicySet> policies = new AtomicReference<>();
  private TickOrchestrator orchestrator;
  private WorkloadStatusView view;
  private TickOutcome.Decided last;

  @Test
  void aWorkloadWithTwoMetricsShowsEachMetricsForecastWithItsOwnValues() {
    start(policy(REQUESTS, QUEUE));

    runFor(Duration.ofMinutes(40), T0);

    WorkloadStatus status = view.workload("shop", "orders").orElseThrow();
    assertThat(status.metrics())
        .extracting(MetricStatus::metric)
        .containsExactly("sum(requests)", "sum(queue_depth)");
    Map<String, ForecasterStatus> forecasters = orchestrator.forecasterStatuses(ORDERS);
    for (int i = 0; i < 2; i++) {
      MetricStatus metric = status.metrics().get(i);
      MetricForecast forecast = last.forecasts().get(i);
      ForecasterStatus forecaster = forecasters.get(metric.metric());
      assertThat(metric.observedLoad())
          .isEqualTo(last.observation().metrics().get(i).observedLoad());
      assertThat(metric.lastForecast())
          .containsEntry("model", forecast.summary().model())
          .containsEntry("status", forecast.summary().status().name())
          .containsEntry("peakUpper", forecast.summary().peakUpperLoad())
          .containsEntry("detail", forecast.summary().detail());
      assertThat(metric.model()).isEqualTo(forecaster.modelInUse());
      assertThat(metric.trusted()).isEqualTo(forecaster.trust().trusted());
      assertThat(metric.trustReason()).endsWith(forecaster.trust().reason());
      assertThat(metric.accuracy()).containsEntry("mae", forecaster.accuracy().mae());
    }
    MetricStatus requests = status.metrics().get(0);
    MetricStatus queue = status.metrics().get(1);
    assertThat((Double) requests.lastForecast().get("peakUpper")).isCloseTo(300, within(60.0));
    assertThat((Double) queue.lastForecast().get("peakUpper")).isCloseTo(60, within(12.0));
    assertThat(requests.forecastVsActual()).hasSize(queue.forecastVsActual().size()).isNotEmpty();
    ForecastPoint requestsPoint = requests.forecastVsActual().get(150);
    ForecastPoint queuePoint = queue.forecastVsActual().get(150);
    assertThat(requestsPoint.actual()).isCloseTo(300, within(40.0));
    assertThat(requestsPoint.forecast()).isCloseTo(300, within(40.0));
    assertThat(queuePoint.actual()).isCloseTo(60, within(8.0));
    assertThat(queuePoint.forecast()).isCloseTo(60, within(8.0));

    assertThat(status.forecastVsActual()).isEqualTo(requests.forecastVsActual());
    assertThat(status.model()).isEqualTo(requests.model());
    assertThat(status.accuracy()).isEqualTo(requests.accuracy());
    assertThat(status.trusted()).isEqualTo(requests.trusted());
    assertThat(status.trustReason()).isEqualTo(requests.trustReason());
    assertThat(status.modelFailures()).isEqualTo(requests.modelFailures());
  }

  @Test
  void aMetricTheNewPolicyDropsLeavesTheView() {
    start(policy(REQUESTS, QUEUE));
    runFor(Duration.ofMinutes(10), T0);

    WorkloadPolicy queueOnly = policy(QUEUE);
    policies.set(policySet(queueOnly));
    orchestrator.applyPolicies(List.of(queueOnly));
    runFor(STEP, T0.plus(Duration.ofMinutes(10)));

    WorkloadStatus status = view.workload("shop", "orders").orElseThrow();
    assertThat(status.metrics())
        .singleElement()
        .extracting(MetricStatus::metric)
        .isEqualTo("sum(queue_depth)");
    // the queue's track was kept through the change: ten minutes of points, and the new tick's
    assertThat(status.forecastVsActual()).hasSize(41);
    assertThat(status.forecastVsActual().get(40).actual()).isCloseTo(60, within(8.0));
  }

  @Test
  void beforeTheFirstTickEachMetricSaysNoForecastYet() {
    start(policy(REQUESTS, QUEUE));

    WorkloadStatus status = view.workload("shop", "orders").orElseThrow();

    assertThat(status.metrics()).hasSize(2);
    assertThat(status.metrics())
        .allSatisfy(
            metric -> {
              assertThat(metric.lastForecast()).isNull();
              assertThat(metric.forecastVsActual()).isEmpty();
              assertThat(metric.trustReason()).isEqualTo("no forecast yet");
            });
  }

  private void start(WorkloadPolicy policy) {
    if (client.apps().deployments().inNamespace("shop").withName("orders").get() == null) {
      Fixtures.deployment(client, ORDERS.namespace(), ORDERS.name(), 4);
    }
    windows.put(REQUESTS, RollingWindow.withDefaultRetention(STEP));
    windows.put(QUEUE, RollingWindow.withDefaultRetention(STEP));
    OutcomeRecorder outcomes =
        new OutcomeRecorder(
            new DecisionRecorder(
                client, new SimpleMeterRegistry(), "scaler-0", Duration.ofMinutes(10), t -> false),
            new CalibrationMeters(new SimpleMeterRegistry()),
            () -> true);
    orchestrator =
        new TickOrchestrator(
            this::observe,
            mode -> new DryRunActuator(),
            RefitScheduler.inline(),
            () -> true,
            outcomes);
    policies.set(policySet(policy));
    orchestrator.applyPolicies(List.of(policy));
    view = new WorkloadStatusView(policies::get, orchestrator, outcomes);
  }

  private Optional<WorkloadObservation> observe(WorkloadPolicy policy, Instant now) {
    List<MetricObservation> metrics = new ArrayList<>();
    for (MetricSpec metric : policy.metrics()) {
      metrics.add(
          WindowObservation.of(
              (PrometheusMetric) metric, STEP, windows.get(metric).snapshot(), now));
    }
    return Optional.of(new WorkloadObservation(4, 4, metrics));
  }

  private void runFor(Duration span, Instant from) {
    for (long s = 0; s < span.getSeconds(); s += STEP.getSeconds()) {
      Instant now = from.plusSeconds(s);
      windows.get(REQUESTS).append(now, 300 + noise.nextGaussian() * 10, now);
      windows.get(QUEUE).append(now, 60 + noise.nextGaussian() * 2, now);
      for (TickOutcome outcome : orchestrator.tick(now)) {
        last = (TickOutcome.Decided) outcome;
      }
    }
  }

  private static PolicySet policySet(WorkloadPolicy policy) {
    return new PolicySet(
        Map.of(ORDERS, policy), Map.of(ORDERS, new ConfigMapRef("shop", "scaling-policies")));
  }

  private static WorkloadPolicy policy(MetricSpec... metrics) {
    WorkloadPolicy policy =
        new WorkloadPolicy(ORDERS, List.of(metrics), 40, PolicySettings.BUILT_IN);
    return policy.withSettings(
        policy
            .settings()
            .with(PolicyFields.STEP, STEP)
            .with(PolicyFields.MODE, ScalingMode.DRY_RUN));
  }
}
