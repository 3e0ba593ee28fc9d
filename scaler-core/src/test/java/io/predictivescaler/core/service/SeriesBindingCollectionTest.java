package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.predictivescaler.collector.MetricSourceFactory;
import io.predictivescaler.collector.source.InstantSample;
import io.predictivescaler.collector.source.MetricQuery;
import io.predictivescaler.collector.source.MetricSource;
import io.predictivescaler.collector.source.PromQlQuery;
import io.predictivescaler.collector.source.ResourceQuery;
import io.predictivescaler.collector.verticle.CollectorVerticle;
import io.predictivescaler.collector.window.WindowSnapshot;
import io.predictivescaler.core.config.ConfigMapRef;
import io.predictivescaler.core.config.PolicyParser;
import io.predictivescaler.core.config.PolicySet;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The collector, through the binding, polls every metric of a workload: one series per metric, each
 * asked of its own source with its own query, each window handed to the tick by its index.
 */
@ExtendWith(VertxExtension.class)
class SeriesBindingCollectionTest {

  private static final ConfigMapRef SOURCE = new ConfigMapRef("shop", "policies");
  private static final TargetRef ORDERS = TargetRef.deployment("shop", "orders");

  /** A source answering one constant, recording what it was asked. */
  private record ConstantSource(String name, double value, List<MetricQuery> asked)
      implements MetricSource {

    ConstantSource(String name, double value) {
      this(name, value, new CopyOnWriteArrayList<>());
    }

    @Override
    public CompletionStage<InstantSample> instant(MetricQuery query, Instant at) {
      asked.add(query);
      return CompletableFuture.completedFuture(InstantSample.of(at, value));
    }
  }

  private SeriesBinding binding;

  @AfterEach
  void closeBinding() {
    if (binding != null) {
      binding.close();
    }
  }

  @Test
  void pollsEveryMetricOfAWorkloadIntoItsOwnWindow(Vertx vertx) throws Exception {
    ConstantSource prometheus = new ConstantSource(MetricSourceFactory.PROMETHEUS, 300);
    ConstantSource metricsServer = new ConstantSource(MetricSourceFactory.METRICS_SERVER, 1.5);
    Map<String, MetricSource> sources =
        Map.of(prometheus.name(), prometheus, metricsServer.name(), metricsServer);
    CollectorVerticle collector =
        new CollectorVerticle(sources, new SimpleMeterRegistry(), Clock.systemUTC());
    vertx
        .deployVerticle(collector)
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    binding = new SeriesBinding(vertx, collector, sources.keySet(), target -> {});
    binding.start();

    binding.apply(policies(twoMetrics()));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                latest(binding.window(ORDERS, 0)) == 300
                    && latest(binding.window(ORDERS, 1)) == 1.5);
    assertThat(prometheus.asked())
        .isNotEmpty()
        .allMatch(q -> q.equals(PromQlQuery.inNamespace("sum(requests)", "shop")));
    assertThat(metricsServer.asked())
        .isNotEmpty()
        .allMatch(q -> q instanceof ResourceQuery r && r.name().equals("orders"));
    assertThat(binding.hasWindows(ORDERS)).isTrue();
  }

  @Test
  void eachMetricHasItsOwnSeriesTheFirstKeepingTheWorkloadsId() {
    var specs = SeriesBinding.specs(twoMetrics(), SOURCE);

    assertThat(specs)
        .extracting(s -> s.id() + " " + s.source())
        .containsExactly("shop/orders prometheus", "shop/orders/metrics[1] metrics-server");
  }

  private static double latest(Optional<WindowSnapshot> window) {
    if (window.isEmpty()) {
      return Double.NaN;
    }
    float[] values = window.get().values();
    for (int i = values.length - 1; i >= 0; i--) {
      if (!Float.isNaN(values[i])) {
        return values[i];
      }
    }
    return Double.NaN;
  }

  private static PolicySet policies(WorkloadPolicy policy) {
    return new PolicySet(Map.of(ORDERS, policy), Map.of(ORDERS, SOURCE));
  }

  private static WorkloadPolicy twoMetrics() {
    String yaml =
        """
        workloads:
          - target: {name: orders}
            step: 1s
            metrics:
              - {prometheus: 'sum(requests)', targetPerReplica: 100}
              - {resource: cpu, targetUtilization: 70}
            maxReplicas: 10
        """;
    return PolicyParser.parse(yaml, "shop").document().orElseThrow().workloads().get(0);
  }
}
