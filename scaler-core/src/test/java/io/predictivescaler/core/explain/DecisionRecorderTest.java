package io.predictivescaler.core.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.predictivescaler.core.actuate.ActuationResult;
import io.predictivescaler.core.actuate.RefusalReason;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.decision.ReasonCode;
import io.predictivescaler.core.kube.ApiCall;
import io.predictivescaler.core.kube.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// The project's Prometheus registry is the simpleclient one (docs/ARCHITECTURE.md §10), deprecated
// upstream.
@SuppressWarnings("deprecation")
@EnableKubernetesMockClient(crud = true, https = false)
class DecisionRecorderTest {

  private static final AtomicInteger NAMESPACES = new AtomicInteger();
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  static KubernetesClient client;
  static KubernetesMockServer server;

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Set<TargetRef> paused = ConcurrentHashMap.newKeySet();
  private String ns;
  private TargetRef checkout;
  private Deployment deployment;
  private DecisionRecorder recorder;

  @BeforeEach
  void setUp() throws InterruptedException {
    ns = "rec" + NAMESPACES.incrementAndGet();
    checkout = TargetRef.deployment(ns, "checkout");
    deployment = Fixtures.deployment(client, ns, "checkout", 3);
    recorder =
        new DecisionRecorder(
            client, registry, "scaler-0", Duration.ofMinutes(10), paused::contains);
    ApiCall.drain(server);
  }

  @Test
  void explainsAScaleUpWithAnEvent() {
    DecisionRecord decision = decision(T0, 3, 6, ReasonCode.PREDICTED_LOAD, ScalingMode.SCALE);

    recorder.record(decision, ActuationResult.applied(3, 6));

    Event event = single(events());
    assertThat(event.getType()).isEqualTo("Normal");
    assertThat(event.getReason()).isEqualTo("PredictedLoad");
    assertThat(event.getMessage())
        .isEqualTo("Scaled from 3 to 6: peak 700 req/s at 10:10 needs 6 replicas");
    assertThat(event.getInvolvedObject().getKind()).isEqualTo("Deployment");
    assertThat(event.getInvolvedObject().getName()).isEqualTo("checkout");
    assertThat(event.getInvolvedObject().getUid()).isEqualTo(deployment.getMetadata().getUid());
  }

  @Test
  void writesNothingToTheDeploymentItself() throws InterruptedException {
    recorder.record(
        decision(T0, 3, 6, ReasonCode.PREDICTED_LOAD, ScalingMode.SCALE),
        ActuationResult.applied(3, 6));
    recorder.record(
        decision(T0.plusSeconds(15), 6, 8, ReasonCode.PREDICTED_LOAD, ScalingMode.SCALE),
        ActuationResult.refused(RefusalReason.CONFLICTING_AUTOSCALER, "use mode: hpa-floor"));

    assertThat(ApiCall.drain(server))
        .filteredOn(r -> r.getPath().contains("/deployments"))
        .isNotEmpty()
        .allMatch(r -> r.getMethod().equals("GET"));
    assertThat(events()).hasSize(2);
    assertThat(deployment().getMetadata().getAnnotations())
        .doesNotContainKey("predictive-scaler.io/last-decision");
  }

  @Test
  void updatesThePerWorkloadMetersOnEveryDecision() {
    recorder.record(
        decision(T0, 3, 6, ReasonCode.PREDICTED_LOAD, ScalingMode.SCALE),
        ActuationResult.applied(3, 6));
    recorder.record(
        decision(T0.plusSeconds(15), 6, 6, ReasonCode.DESIRED_WITHIN_RANGE, ScalingMode.SCALE),
        ActuationResult.unchanged(6));

    assertThat(gauge("predictive.scaler.replicas.current")).isEqualTo(6.0);
    assertThat(gauge("predictive.scaler.replicas.desired")).isEqualTo(6.0);
    assertThat(gauge("predictive.scaler.load.observed")).isCloseTo(450.0, within(1e-9));
    assertThat(gauge("predictive.scaler.forecast.load")).isCloseTo(650.0, within(1e-9));
    assertThat(gauge("predictive.scaler.forecast.load.upper")).isCloseTo(700.0, within(1e-9));
    assertThat(gauge("predictive.scaler.forecast.error")).isCloseTo(25.0, within(1e-9));
    assertThat(gauge("predictive.scaler.shadow.hpa.replicas")).isEqualTo(4.0);
    assertThat(counter("predictive.scaler.decisions", "PredictedLoad")).isEqualTo(1.0);
    assertThat(counter("predictive.scaler.decisions", "DesiredWithinRange")).isEqualTo(1.0);
  }

  @Test
  void announcesARefusalAsAWarningOncePerRepeatInterval() throws Exception {
    ActuationResult refused =
        ActuationResult.refused(RefusalReason.CONFLICTING_AUTOSCALER, "use mode: hpa-floor");

    recorder.record(decision(T0, 3, 6, ReasonCode.PREDICTED_LOAD, ScalingMode.SCALE), refused);
    recorder.record(
        decision(T0.plusSeconds(15), 3, 6, ReasonCode.PREDICTED_LOAD, ScalingMode.SCALE), refused);
    List<Event> afterRepeat = events();
    recorder.record(
        decision(T0.plusSeconds(601), 3, 6, ReasonCode.PREDICTED_LOAD, ScalingMode.SCALE), refused);

    assertThat(afterRepeat).hasSize(1);
    assertThat(afterRepeat.get(0).getType()).isEqualTo("Warning");
    assertThat(afterRepeat.get(0).getReason()).isEqualTo("ConflictingAutoscaler");
    assertThat(afterRepeat.get(0).getMessage()).isEqualTo("use mode: hpa-floor");
    assertThat(events()).hasSize(2);
  }

  @Test
  void dryRunEmitsAnEventButWritesNothingToTheDeployment() throws InterruptedException {
    recorder.record(
        decision(T0, 3, 6, ReasonCode.DRY_RUN, ScalingMode.DRY_RUN), ActuationResult.dryRun(3, 6));

    assertThat(ApiCall.drain(server)).noneMatch(ApiCall::isWrite);
    Event event = single(events());
    assertThat(event.getReason()).isEqualTo("DryRun");
    assertThat(event.getMessage()).startsWith("Dry run: would scale from 3 to 6");
    assertThat(event.getInvolvedObject().getUid()).isEqualTo(deployment.getMetadata().getUid());
  }

  @Test
  void countsActuationFailuresAndWarnsAboutThem() {
    ActuationResult failed =
        ActuationResult.failed("scaling x to 6: HTTP 503", new IllegalStateException("boom"));

    recorder.record(decision(T0, 3, 6, ReasonCode.PREDICTED_LOAD, ScalingMode.SCALE), failed);

    assertThat(
            registry
                .get("predictive.scaler.actuation.failures")
                .tag("workload", "checkout")
                .counter()
                .count())
        .isEqualTo(1.0);
    Event event = single(events());
    assertThat(event.getType()).isEqualTo("Warning");
    assertThat(event.getReason()).isEqualTo("FailedRescale");
  }

  @Test
  void staysQuietWhenNothingChanges() {
    recorder.record(
        decision(T0, 4, 4, ReasonCode.DESIRED_WITHIN_RANGE, ScalingMode.SCALE),
        ActuationResult.unchanged(4));

    assertThat(events()).isEmpty();
  }

  @Test
  void thePausedGaugeFollowsThePauseAnnotationAtEachScrape() {
    String series =
        "predictive_scaler_workload_paused{namespace=\"" + ns + "\",workload=\"checkout\",} ";
    recorder.record(
        decision(T0, 3, 6, ReasonCode.PREDICTED_LOAD, ScalingMode.SCALE),
        ActuationResult.applied(3, 6));
    String before = registry.scrape();

    paused.add(checkout);
    String whilePaused = registry.scrape();
    paused.remove(checkout);

    assertThat(before).contains(series + "0.0");
    assertThat(whilePaused).contains(series + "1.0");
    assertThat(registry.scrape()).contains(series + "0.0");
  }

  @Test
  void forgettingAWorkloadRemovesItsMeters() {
    recorder.record(
        decision(T0, 3, 6, ReasonCode.PREDICTED_LOAD, ScalingMode.SCALE),
        ActuationResult.applied(3, 6));

    recorder.forget(checkout);

    assertThat(registry.find("predictive.scaler.replicas.current").tag("namespace", ns).gauges())
        .isEmpty();
    assertThat(registry.find("predictive.scaler.decisions").tag("namespace", ns).counters())
        .isEmpty();
    assertThat(registry.scrape()).doesNotContain("namespace=\"" + ns + "\"");
  }

  private DecisionRecord decision(
      Instant time, int from, int to, ReasonCode reason, ScalingMode mode) {
    return new DecisionRecord(
        checkout,
        time,
        from,
        to,
        reason,
        "peak 700 req/s at 10:10 needs 6 replicas",
        mode,
        true,
        4,
        450.0,
        650.0,
        700.0,
        25.0);
  }

  private List<Event> events() {
    return client.v1().events().inNamespace(ns).list().getItems();
  }

  private static Event single(List<Event> events) {
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private Deployment deployment() {
    return client.apps().deployments().inNamespace(ns).withName("checkout").get();
  }

  private double gauge(String name) {
    return registry.get(name).tag("namespace", ns).tag("workload", "checkout").gauge().value();
  }

  private double counter(String name, String reason) {
    return registry.get(name).tag("namespace", ns).tag("reason", reason).counter().count();
  }
}
