package io.predictivescaler.core.tick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.predictivescaler.collector.metricsserver.PodResourceUsage;
import io.predictivescaler.collector.metricsserver.PodState;
import io.predictivescaler.collector.metricsserver.WorkloadResourceMetrics;
import io.predictivescaler.collector.source.ResourceName;
import io.predictivescaler.collector.window.WindowSnapshot;
import io.predictivescaler.core.config.PolicySettings;
import io.predictivescaler.core.config.ResourceMetric;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.decision.PodMetric;
import io.predictivescaler.core.decision.TargetType;
import io.predictivescaler.core.decision.UnavailableMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceObservationTest {

  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  private static final WorkloadPolicy POLICY =
      WorkloadPolicy.of(
          TargetRef.deployment("shop", "resizer"),
          new ResourceMetric(io.predictivescaler.core.config.ResourceName.CPU, 70),
          12,
          PolicySettings.BUILT_IN);
  private static final WindowSnapshot WINDOW =
      new WindowSnapshot(NOW.minusSeconds(30), Duration.ofSeconds(15), new float[] {1.2f, 1.4f});

  @Test
  void groupsPodsAsTheHpaDoesWithAUtilizationTarget() {
    WorkloadResourceMetrics metrics =
        metrics(
            NOW,
            List.of(
                new PodResourceUsage("a", PodState.READY, 0.6, 0.5),
                new PodResourceUsage("b", PodState.READY, 0.4, 0.5),
                new PodResourceUsage("c", PodState.NOT_READY, 0.1, 0.5),
                new PodResourceUsage("d", PodState.MISSING, Double.NaN, 0.5)));

    WorkloadObservation observation =
        ResourceObservation.of(POLICY, new ReplicaCounts(4, 3), metrics, WINDOW, NOW);

    PodMetric metric = (PodMetric) observation.metric();
    assertThat(metric.target().type()).isEqualTo(TargetType.UTILIZATION);
    assertThat(metric.target().value()).isEqualTo(70);
    assertThat(metric.readyPods()).isEqualTo(2);
    assertThat(metric.readySum()).isCloseTo(1.0, within(1e-9));
    assertThat(metric.readyRequests()).isCloseTo(1.0, within(1e-9));
    assertThat(metric.unreadyPods()).isEqualTo(1);
    assertThat(metric.unreadyRequests()).isCloseTo(0.5, within(1e-9));
    assertThat(metric.missingPods()).isEqualTo(1);
    assertThat(metric.missingRequests()).isCloseTo(0.5, within(1e-9));
    assertThat(observation.observedLoad()).isCloseTo(1.1, within(1e-9));
    assertThat(observation.history().size()).isEqualTo(2);
    assertThat(observation.currentReplicas()).isEqualTo(4);
    assertThat(observation.readyReplicas()).isEqualTo(3);
  }

  @Test
  void staleMetricsAreUnavailableSoNothingScalesDownOnThem() {
    WorkloadResourceMetrics metrics =
        metrics(NOW.minusSeconds(300), List.of(new PodResourceUsage("a", PodState.READY, 1, 1)));

    WorkloadObservation observation =
        ResourceObservation.of(POLICY, new ReplicaCounts(2, 2), metrics, WINDOW, NOW);

    assertThat(observation.metric()).isInstanceOf(UnavailableMetric.class);
    assertThat(((UnavailableMetric) observation.metric()).why()).contains("older than 5 steps");
    assertThat(observation.observedLoad()).isNaN();
  }

  @Test
  void noReadingYetIsUnavailable() {
    WorkloadObservation observation =
        ResourceObservation.of(POLICY, new ReplicaCounts(2, 2), null, WINDOW, NOW);

    assertThat(observation.metric()).isInstanceOf(UnavailableMetric.class);
  }

  private static WorkloadResourceMetrics metrics(Instant at, List<PodResourceUsage> pods) {
    int ready = 0;
    int notReady = 0;
    int missing = 0;
    double readyUsage = 0;
    double readyRequests = 0;
    double total = 0;
    for (PodResourceUsage pod : pods) {
      switch (pod.state()) {
        case READY -> {
          ready++;
          readyUsage += pod.usage();
          readyRequests += pod.request();
        }
        case NOT_READY -> notReady++;
        case MISSING -> missing++;
      }
      total += Double.isNaN(pod.usage()) ? 0 : pod.usage();
    }
    return new WorkloadResourceMetrics(
        at,
        ResourceName.CPU,
        ready,
        notReady,
        missing,
        readyUsage,
        readyRequests,
        total,
        readyUsage / readyRequests,
        pods);
  }
}
