package io.predictivescaler.core.service;

import static io.predictivescaler.core.service.ServiceHarness.NS;
import static io.predictivescaler.core.service.ServiceHarness.STEP;
import static io.predictivescaler.core.service.ServiceHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetricsBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.collector.cadvisor.CadvisorUsageQuery;
import io.predictivescaler.collector.source.ResourceName;
import io.predictivescaler.collector.source.ResourceQuery;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.decision.ReasonCode;
import io.predictivescaler.core.kube.MockApiServerShutdown;
import io.predictivescaler.core.kube.ScaleSubresourceMockServer;
import io.predictivescaler.core.tick.TickOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, restarts that lose nothing: a workload scaled on metrics-server CPU gets its window
 * back from Prometheus' cAdvisor series when the scaler restarts, so its first forecast-driven
 * decision comes within minutes of the start instead of after a day of collecting. Prometheus is
 * the harness' stub, answering the cAdvisor query the service sends with a daily load in cores.
 */
class RestartContinuityIT {

  /** 07:56 on the third day, four minutes before the daily ramp (as in ScalerServiceIT). */
  private static final Instant BEFORE_PEAK =
      ServiceHarness.T0.plus(Duration.ofDays(2)).plus(Duration.ofHours(7).plusMinutes(56));

  private static final TargetRef CHECKOUT = TargetRef.deployment(NS, "checkout");
  private static final String CADVISOR_CPU =
      CadvisorUsageQuery.of(
              new ResourceQuery(NS, "apps/v1", "Deployment", "checkout", ResourceName.CPU), STEP)
          .expression();

  private KubernetesMockServer server;
  private KubernetesClient client;
  private ServiceHarness harness;

  @BeforeEach
  void setUp() {
    server = ScaleSubresourceMockServer.start();
    client = server.createClient();
    harness = new ServiceHarness(client, BEFORE_PEAK);
  }

  @AfterEach
  void tearDown() {
    harness.close();
    client.close();
    MockApiServerShutdown.shutDown(server);
  }

  @Test
  void afterARestartTheFirstDecisionsAreForecastDriven() throws Exception {
    harness.prometheus.load(CADVISOR_CPU, t -> ScalerServiceIT.daily(t) / 1000);
    checkoutWithPods("100m", 40, 40, 40);
    harness.policies(
        "workloads:\n"
            + "  - target: {name: checkout}\n"
            + "    metric: {resource: cpu}\n"
            + "    targetUtilization: 50\n"
            + "    minReplicas: 2\n"
            + "    maxReplicas: 8\n"
            + "    mode: scale\n"
            + "    model: seasonal-naive\n"
            + "    leadTime: 8m\n"
            + "    window: 72h\n");
    ScalerService before = harness.startLeader(CHECKOUT);
    harness.tick(before, "checkout");
    before.close();

    ScalerService after = harness.startLeader(CHECKOUT);
    awaitMetricsServerReading(after);
    harness.tick(after, "checkout");
    await()
        .atMost(WAIT)
        .until(() -> after.forecasterStatus(CHECKOUT).map(s -> s.fittedAt() != null).orElse(false));
    List<TickOutcome.Decided> decisions = new ArrayList<>();
    for (int i = 0; i < 4 && !forecastDriven(decisions); i++) {
      harness.clock.advance(STEP);
      decisions.add(harness.tick(after, "checkout"));
    }

    TickOutcome.Decided last = decisions.get(decisions.size() - 1);
    assertThat(decisions)
        .as("a forecast-driven decision within a minute of the start")
        .hasSizeLessThanOrEqualTo(4);
    assertThat(forecastDriven(decisions)).as("decisions %s", decisions).isTrue();
    assertThat(last.observation().history().size())
        .as("the backfilled window: 72 h and the features' look-back")
        .isGreaterThan(72 * 240);
    assertThat(last.decision().replicas()).isGreaterThan(3);
    assertThat(harness.replicas("checkout")).isGreaterThan(3);
  }

  /**
   * Waits for the collector's first live metrics-server reading (its timers run on real time); the
   * backfilled points are counted by then.
   */
  private void awaitMetricsServerReading(ScalerService service) throws Exception {
    await()
        .atMost(WAIT)
        .until(
            () ->
                harness
                    .get(service, "/metrics")
                    .body()
                    .contains(
                        "predictive_scaler_collector_samples_ingested_total{source=\"metrics-server\","));
    assertThat(harness.get(service, "/metrics").body())
        .containsPattern(
            "predictive_scaler_collector_backfilled_points_total\\{source=\"metrics-server\",\\}"
                + " [1-9][0-9]{4}");
  }

  private static boolean forecastDriven(List<TickOutcome.Decided> decisions) {
    return !decisions.isEmpty()
        && decisions.get(decisions.size() - 1).summary().trusted()
        && decisions.get(decisions.size() - 1).decision().reason() == ReasonCode.PREDICTED_LOAD;
  }

  @Test
  void afterARestartTheLeadTimeIsMeasuredFromTheCurrentPodsStartUp() throws Exception {
    harness.prometheus.load(ServiceHarness.query("checkout"), t -> 150);
    checkoutWithPods("100m", 40, 100, 70);
    harness.policies(
        "workloads:\n"
            + ServiceHarness.workload(
                "checkout", "dry-run", 1, 8, "leadTime: auto", "leadTimeFallback: 90s"));
    ScalerService service = harness.startLeader(CHECKOUT);

    // the pods are read on a thread of their own; the tick after that plans with them
    await()
        .atMost(WAIT)
        .until(
            () -> {
              harness.clock.advance(STEP);
              return harness.tick(service, "checkout").leadTime();
            },
            lead -> !lead.equals(Duration.ofSeconds(90)));

    harness.clock.advance(STEP);
    assertThat(harness.tick(service, "checkout").leadTime())
        .as("the 90th percentile of 40 s, 70 s and 100 s, not the 90 s fallback")
        .isEqualTo(Duration.ofSeconds(100));
  }

  /**
   * Deployment shop/checkout with a Ready pod per entry of {@code readyAfterSeconds} (Ready that
   * long after its creation), each requesting 500m and using {@code cpu}.
   */
  private void checkoutWithPods(String cpu, long... readyAfterSeconds) {
    Map<String, String> labels = Map.of("app", "checkout");
    client
        .apps()
        .deployments()
        .inNamespace(NS)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("checkout")
                .withNamespace(NS)
                .endMetadata()
                .withNewSpec()
                .withReplicas(3)
                .withNewSelector()
                .withMatchLabels(labels)
                .endSelector()
                .endSpec()
                .withNewStatus()
                .withReplicas(3)
                .withReadyReplicas(3)
                .endStatus()
                .build())
        .create();
    for (int i = 0; i < readyAfterSeconds.length; i++) {
      String pod = "checkout-7d9f8c6b5d-x2x4" + "zbc".charAt(i);
      Instant started = BEFORE_PEAK.minus(Duration.ofHours(1)).plus(Duration.ofMinutes(10L * i));
      Pod created =
          client
              .pods()
              .inNamespace(NS)
              .resource(
                  new PodBuilder()
                      .withNewMetadata()
                      .withName(pod)
                      .withNamespace(NS)
                      .withLabels(labels)
                      .endMetadata()
                      .withNewSpec()
                      .withContainers(
                          new ContainerBuilder()
                              .withName("app")
                              .withNewResources()
                              .withRequests(Map.of("cpu", new Quantity("500m")))
                              .endResources()
                              .build())
                      .endSpec()
                      .withNewStatus()
                      .withPhase("Running")
                      .withStartTime(started.toString())
                      .addNewCondition()
                      .withType("Ready")
                      .withStatus("True")
                      .endCondition()
                      .endStatus()
                      .build())
              .create();
      // the API server stamps the creation time itself; the pod turned Ready that much later
      Instant createdAt = Instant.parse(created.getMetadata().getCreationTimestamp());
      created
          .getStatus()
          .getConditions()
          .get(0)
          .setLastTransitionTime(createdAt.plusSeconds(readyAfterSeconds[i]).toString());
      client.pods().inNamespace(NS).resource(created).updateStatus();
      PodMetrics usage =
          new PodMetricsBuilder()
              .withNewMetadata()
              .withName(pod)
              .withNamespace(NS)
              .withLabels(labels)
              .endMetadata()
              .withTimestamp(BEFORE_PEAK.toString())
              .withWindow(new io.fabric8.kubernetes.api.model.Duration(Duration.ofSeconds(15)))
              .addToContainers(
                  new ContainerMetricsBuilder()
                      .withName("app")
                      .withUsage(Map.of("cpu", new Quantity(cpu)))
                      .build())
              .build();
      client.resources(PodMetrics.class).inNamespace(NS).resource(usage).create();
    }
  }
}
