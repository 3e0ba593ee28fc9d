package io.predictivescaler.core.service;

import static io.predictivescaler.core.service.ServiceHarness.NS;
import static io.predictivescaler.core.service.ServiceHarness.STEP;
import static io.predictivescaler.core.service.ServiceHarness.WAIT;
import static io.predictivescaler.core.service.ServiceHarness.query;
import static io.predictivescaler.core.service.ServiceHarness.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.core.actuate.ActuationOutcome;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.decision.ReasonCode;
import io.predictivescaler.core.decision.StageTrace;
import io.predictivescaler.core.kube.MockApiServerShutdown;
import io.predictivescaler.core.tick.TickOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole service on a mock API server: the predictive loop, dry-run, missing metrics. */
@EnableKubernetesMockClient(crud = true, https = false)
class ScalerServiceIT {

  /**
   * 07:56 on the third day: four minutes before the daily ramp, within the 8 min lead window the
   * checkout workload sizes its capacity for.
   */
  private static final Instant BEFORE_PEAK =
      ServiceHarness.T0.plus(Duration.ofDays(2)).plus(Duration.ofHours(7).plusMinutes(56));

  KubernetesClient client;
  KubernetesMockServer server;
  private ServiceHarness harness;

  @BeforeEach
  void setUp() {
    harness = new ServiceHarness(client, BEFORE_PEAK);
  }

  @AfterEach
  void tearDown() {
    harness.close();
    client.close();
    MockApiServerShutdown.shutDown(server);
  }

  @Test
  void scalesAheadOfTheForecastPeakWithinMinAndMax() throws Exception {
    harness.prometheus.load(query("checkout"), ScalerServiceIT::daily);
    harness.prometheus.load(query("quiet"), t -> 50);
    harness.deployment("checkout", 3, Map.of());
    harness.deployment("quiet", 1, Map.of());
    harness.policies(
        "workloads:\n"
            + workload(
                "checkout", "scale", 2, 8, "model: seasonal-naive", "leadTime: 8m", "window: 72h")
            + workload("quiet", "scale", 2, 8));
    ScalerService service = harness.startLeader("checkout", "quiet");
    TargetRef checkout = TargetRef.deployment(NS, "checkout");

    harness.tick(service, "checkout");
    await()
        .atMost(WAIT)
        .until(
            () -> service.forecasterStatus(checkout).map(s -> s.fittedAt() != null).orElse(false));
    List<TickOutcome.Decided> trusted = new ArrayList<>();
    for (int i = 0; i < 5 && harness.replicas("checkout") < 8; i++) {
      harness.clock.advance(STEP);
      trusted.add(harness.tick(service, "checkout"));
    }

    assertThat(harness.replicas("checkout")).as("decisions %s", explain(trusted)).isEqualTo(8);
    assertThat(harness.replicas("quiet")).isEqualTo(2);
    TickOutcome.Decided first = trusted.get(0);
    assertThat(first.summary().trusted()).isTrue();
    assertThat(first.observation().observedLoad()).isLessThan(350);
    assertThat(first.decision().stage(StageTrace.REACTIVE).orElseThrow().out()).isEqualTo(3);
    assertThat(first.decision().replicas()).isGreaterThan(3);
    assertThat(first.decision().reason())
        .isIn(ReasonCode.PREDICTED_LOAD, ReasonCode.SCALE_UP_LIMIT);
    assertThat(trusted).allSatisfy(o -> assertThat(o.decision().replicas()).isLessThanOrEqualTo(8));
    assertThat(harness.event("PredictedLoad").or(() -> harness.event("ScaleUpLimit"))).isPresent();
  }

  @Test
  void dryRunChangesNothingButRecordsTheDecision() throws Exception {
    harness.prometheus.load(query("checkout"), t -> 950);
    harness.deployment("checkout", 2, Map.of());
    harness.policies("workloads:\n" + workload("checkout", "dry-run", 1, 20));
    ScalerService service = harness.startLeader("checkout");

    TickOutcome.Decided outcome = harness.tick(service, "checkout");

    assertThat(outcome.decision().replicas()).isEqualTo(6);
    assertThat(outcome.reason()).isEqualTo(ReasonCode.DRY_RUN);
    assertThat(outcome.decision().reason()).isEqualTo(ReasonCode.SCALE_UP_LIMIT);
    assertThat(outcome.actuation().outcome()).isEqualTo(ActuationOutcome.DRY_RUN);
    assertThat(harness.replicas("checkout")).isEqualTo(2);
    await().atMost(WAIT).until(() -> harness.event("DryRun").isPresent());
    assertThat(harness.event("DryRun").orElseThrow().getMessage())
        .startsWith("Dry run: would scale from 2 to 6");
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace(NS)
                .withName("checkout")
                .get()
                .getMetadata()
                .getAnnotations())
        .doesNotContainKey("predictive-scaler.io/last-decision");
    String metrics = harness.get(service, "/metrics").body();
    assertThat(metrics)
        .contains(
            "predictive_scaler_replicas_desired{namespace=\"shop\",workload=\"checkout\",} 6.0")
        .contains("predictive_scaler_decisions_total{namespace=\"shop\",reason=\"DryRun\"");
  }

  @Test
  void doesNotScaleDownWhenMetricsAreMissing() throws Exception {
    harness.deployment("checkout", 6, Map.of());
    harness.policies("workloads:\n" + workload("checkout", "scale", 1, 20));
    ScalerService service = harness.startLeader("checkout");

    TickOutcome.Decided outcome = harness.tick(service, "checkout");
    harness.clock.advance(STEP);
    TickOutcome.Decided next = harness.tick(service, "checkout");

    assertThat(outcome.decision().replicas()).isEqualTo(6);
    assertThat(next.decision().replicas()).isEqualTo(6);
    assertThat(next.decision().reason()).isEqualTo(ReasonCode.METRICS_UNAVAILABLE);
    assertThat(harness.replicas("checkout")).isEqualTo(6);
  }

  private static List<String> explain(List<TickOutcome.Decided> outcomes) {
    return outcomes.stream()
        .map(o -> o.decision().explanation() + " " + o.summary() + " " + o.decision().trace())
        .toList();
  }

  /** 300 at night, a ten-minute ramp to 2,000 from 08:00, back down from 20:00. */
  static double daily(Instant t) {
    long second = Math.floorMod(t.getEpochSecond(), 86_400L);
    return 300 + 1700 * (ramp(second, 8 * 3600, 600) - ramp(second, 20 * 3600, 1800));
  }

  private static double ramp(long second, long start, long length) {
    return Math.min(1, Math.max(0, (second - start) / (double) length));
  }
}
