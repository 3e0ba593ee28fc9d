package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.predictivescaler.collector.window.RollingWindow;
import io.predictivescaler.core.actuate.ActuationResult;
import io.predictivescaler.core.actuate.Actuator;
import io.predictivescaler.core.config.PolicyFields;
import io.predictivescaler.core.config.PolicySettings;
import io.predictivescaler.core.config.PrometheusMetric;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.counterfactual.RiskChooser;
import io.predictivescaler.core.explain.DecisionRecorder;
import io.predictivescaler.core.kube.Fixtures;
import io.predictivescaler.core.tick.CalibrationStatus;
import io.predictivescaler.core.tick.RefitScheduler;
import io.predictivescaler.core.tick.TickOrchestrator;
import io.predictivescaler.core.tick.TickOutcome;
import io.predictivescaler.core.tick.WindowObservation;
import io.predictivescaler.forecast.peak.PeakCalibrator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The meters of the counterfactual choice, fed by the real tick loop: a workload of steady, noisy
 * load gets its first re-pick once two hours of history can be replayed.
 */
// The project's Prometheus registry is the simpleclient one (docs/ARCHITECTURE.md §10), deprecated
// upstream.
@SuppressWarnings("deprecation")
@EnableKubernetesMockClient(crud = true, https = false)
class OutcomeRecorderTest {

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(15);
  private static final TargetRef CHECKOUT = TargetRef.deployment("calib", "checkout");

  static KubernetesClient client;

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final RollingWindow window = RollingWindow.withDefaultRetention(STEP);
  private final Random noise = new Random(5);
  private int replicas = 8;
  private long second;

  @Test
  void theChosenLevelIsAMetricFromTheFirstRepickUntilTheWorkloadLeaves() {
    Fixtures.deployment(client, CHECKOUT.namespace(), CHECKOUT.name(), replicas);
    OutcomeRecorder outcomes =
        new OutcomeRecorder(
            new DecisionRecorder(client, registry, "scaler-0", Duration.ofMinutes(10), t -> false),
            new CalibrationMeters(registry),
            () -> true);
    TickOrchestrator orchestrator = orchestrator(outcomes);
    orchestrator.applyPolicies(List.of(policy()));

    runUntil(orchestrator, Duration.ofMinutes(90));

    assertThat(registry.find(CalibrationMeters.LEVEL).gauges()).isEmpty();

    runUntil(orchestrator, Duration.ofHours(3));

    CalibrationStatus status = lastCalibration(orchestrator);
    assertThat(status.choice()).isNotNull();
    assertThat(status.choice().hpaChosen())
        .as("steady load: a band is cheaper than the HPA's headroom (%s)", status.choice().rule())
        .isFalse();
    double level = status.choice().level();
    assertThat(lastSummaryDetail(orchestrator)).contains(status.choice().chosen().name() + ": ");
    assertThat(level)
        .isBetween(
            PeakCalibrator.LEVELS[0], PeakCalibrator.LEVELS[PeakCalibrator.LEVELS.length - 1]);
    assertThat(gauge(CalibrationMeters.LEVEL).value()).isEqualTo(level);
    assertThat(gauge(CalibrationMeters.BAND_COVERAGE).value())
        .isEqualTo(status.band().coverageAt(level))
        .isBetween(0.0, 1.0);
    assertThat(forecastJson(orchestrator))
        .containsEntry("candidate", status.choice().chosen().name())
        .containsEntry("level", level)
        .containsEntry("levelCoverage", status.band().coverageAt(level))
        .containsEntry("reactiveShare", 0.0)
        .containsEntry("proving", true);
    assertThat(status.proving()).as("3 h replayed, a day needed").isTrue();
    assertThat(lastSummaryDetail(orchestrator))
        .containsAnyOf(
            "only adds to the HPA until 24 h",
            "the plain HPA runs until the counterfactual choice has replayed 24 h");
    @SuppressWarnings("unchecked")
    Map<String, Object> counterfactual =
        (Map<String, Object>) forecastJson(orchestrator).get("counterfactual");
    assertThat(counterfactual)
        .containsEntry("overloadMinutes", status.choice().chosen().overloadMinutes())
        .containsEntry("replicaHours", status.choice().chosen().replicaHours())
        .containsEntry("hpaReplicaHours", status.choice().scores().get(0).replicaHours())
        .containsEntry("candidates", status.choice().candidates())
        .containsEntry("rule", status.choice().rule())
        .containsEntry("savedReplicaHours", status.savedReplicaHours());
    Instant chosenAt = Instant.parse((String) counterfactual.get("chosenAt"));
    assertThat(chosenAt)
        .isEqualTo(status.chosenAt())
        .isBetween(T0.plusSeconds(3600), T0.plusSeconds(second));
    assertThat(Instant.parse((String) counterfactual.get("nextRepickAt")))
        .isEqualTo(chosenAt.plus(RiskChooser.REPICK_INTERVAL))
        .isAfter(T0.plusSeconds(second - 15));
    assertThat(counterfactual.get("correction"))
        .as("3 h in, no forecast candidate has run alone yet")
        .isEqualTo(
            Map.of(
                "measured", false,
                "forecastOverload", 1.0,
                "forecastCost", 1.0,
                "hpaOverload", 1.0,
                "hpaCost", 1.0));

    orchestrator.applyPolicies(List.of());
    orchestrator.tick(T0.plusSeconds(second));

    assertThat(registry.find(CalibrationMeters.LEVEL).gauges()).isEmpty();
    assertThat(registry.find(CalibrationMeters.BAND_COVERAGE).gauges()).isEmpty();
  }

  private TickOrchestrator orchestrator(OutcomeRecorder outcomes) {
    Actuator scale =
        new Actuator() {
          @Override
          public ScalingMode mode() {
            return ScalingMode.SCALE;
          }

          @Override
          public ActuationResult apply(TargetRef target, int current, int desired) {
            replicas = desired;
            return ActuationResult.applied(current, desired);
          }
        };
    return new TickOrchestrator(
        (policy, now) ->
            Optional.of(WindowObservation.of(policy, replicas, replicas, window.snapshot(), now)),
        mode -> scale,
        RefitScheduler.inline(),
        () -> true,
        outcomes);
  }

  private static WorkloadPolicy policy() {
    WorkloadPolicy base =
        WorkloadPolicy.of(
            CHECKOUT, new PrometheusMetric("checkout_load", 100, 80), 40, PolicySettings.BUILT_IN);
    return base.withSettings(
        base.settings().with(PolicyFields.STEP, STEP).with(PolicyFields.MODE, ScalingMode.SCALE));
  }

  private void runUntil(TickOrchestrator orchestrator, Duration end) {
    for (; second < end.getSeconds(); second += STEP.getSeconds()) {
      Instant now = T0.plusSeconds(second);
      window.append(now, 800 + noise.nextGaussian() * 40, now);
      orchestrator.tick(now);
    }
  }

  private static CalibrationStatus lastCalibration(TickOrchestrator orchestrator) {
    TickOutcome outcome = orchestrator.last(CHECKOUT).orElseThrow();
    return ((TickOutcome.Decided) outcome).calibration();
  }

  private static String lastSummaryDetail(TickOrchestrator orchestrator) {
    TickOutcome outcome = orchestrator.last(CHECKOUT).orElseThrow();
    return ((TickOutcome.Decided) outcome).summary().detail();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> forecastJson(TickOrchestrator orchestrator) {
    TickOutcome outcome = orchestrator.last(CHECKOUT).orElseThrow();
    return (Map<String, Object>) StatusJson.decision(outcome).get("forecast");
  }

  private Gauge gauge(String name) {
    return registry.get(name).tag("namespace", "calib").tag("workload", "checkout").gauge();
  }
}
