package io.predictivescaler.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.core.config.PolicyParser;
import io.predictivescaler.core.config.WorkloadPolicy;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Right after a workload switches back from a {@code resource:} to a {@code prometheus:} metric,
 * the run's book still counts the resource version as possibly in force; a write is judged on the
 * metric its writer's decision read instead.
 */
class DecisionMetricsTest {

  private final Fleet fleet = new Fleet(2, new Random(1));
  private final PolicyBook book = new PolicyBook(fleet, Duration.ofMinutes(1));
  private final DecisionMetrics metrics = new DecisionMetrics();

  @Test
  void aDecisionOnThePrometheusQueryRightAfterTheSwitchBackDidNotReadMetricsServer() {
    book.toggleResource("w00");
    book.toggleResource("w00");
    metrics.newTick();

    metrics.decided("scaler-0", policy("w00"));

    assertThat(book.isResource("w00")).isTrue();
    assertThat(metrics.readMetricsServer("scaler-0", "w00", book.isResource("w00"))).isFalse();
  }

  @Test
  void aDecisionOnTheResourceMetricReadMetricsServer() {
    book.toggleResource("w00");
    metrics.newTick();

    metrics.decided("scaler-0", policy("w00"));

    assertThat(metrics.readMetricsServer("scaler-0", "w00", false)).isTrue();
  }

  @Test
  void withoutADecisionOfThatWriterTheBookDecides() {
    book.toggleResource("w00");
    metrics.decided("scaler-0", policy("w00"));
    metrics.newTick();

    metrics.decided("scaler-1", policy("w01"));

    assertThat(metrics.readMetricsServer("scaler-0", "w00", true)).isTrue();
    assertThat(metrics.readMetricsServer("scaler-0", "w00", false)).isFalse();
  }

  private WorkloadPolicy policy(String name) {
    return PolicyParser.parse(book.render(), Fleet.NAMESPACE)
        .document()
        .orElseThrow()
        .workloads()
        .stream()
        .filter(p -> p.target().name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
