package io.predictivescaler.collector.cadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.collector.source.InstantSample;
import io.predictivescaler.collector.source.MetricQuery;
import io.predictivescaler.collector.source.MetricSource;
import io.predictivescaler.collector.source.PromQlQuery;
import io.predictivescaler.collector.source.RangeSamples;
import io.predictivescaler.collector.source.ResourceName;
import io.predictivescaler.collector.source.ResourceQuery;
import io.predictivescaler.collector.source.ScriptedSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CadvisorHistorySourceTest {

  private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(15);
  private static final ResourceQuery WEB_CPU =
      new ResourceQuery("shop", "apps/v1", "Deployment", "web", ResourceName.CPU);

  private final ScriptedSource metricsServer =
      new ScriptedSource(
          "metrics-server",
          (q, at) -> CompletableFuture.completedFuture(InstantSample.of(at, 0.8)));
  private final RecordingPrometheus prometheus = new RecordingPrometheus();
  private final CadvisorHistorySource source = new CadvisorHistorySource(metricsServer, prometheus);

  @Test
  void readsTheCurrentValueFromMetricsServer() throws Exception {
    InstantSample sample = source.instant(WEB_CPU, T).toCompletableFuture().get();

    assertThat(sample.value()).isEqualTo(0.8);
    assertThat(metricsServer.instantCalls).hasValue(1);
    assertThat(prometheus.asked).isEmpty();
  }

  @Test
  void readsHistoryFromTheCadvisorSeriesOfTheSamePods() throws Exception {
    RangeSamples history =
        source.range(WEB_CPU, T.minus(STEP), T, STEP).toCompletableFuture().get();

    assertThat(source.supportsRange()).isTrue();
    assertThat(source.name()).isEqualTo("metrics-server");
    assertThat(prometheus.asked).containsExactly(CadvisorUsageQuery.of(WEB_CPU, STEP));
    assertThat(history.size()).isEqualTo(2);
    assertThat(history.time(0)).isEqualTo(T.minus(STEP));
    assertThat(history.value(1)).isEqualTo(1.5);
  }

  @Test
  void releasingTheWorkloadReleasesItsCadvisorQueryToo() {
    source.range(WEB_CPU, T.minus(STEP), T, STEP);

    source.release(WEB_CPU);

    assertThat(metricsServer.released).containsExactly(WEB_CPU);
    assertThat(prometheus.released).containsExactly(CadvisorUsageQuery.of(WEB_CPU, STEP));
  }

  @Test
  void closingLeavesThePrometheusSourceToItsOwner() {
    source.close();

    assertThat(prometheus.closed).isFalse();
  }

  @Test
  void readsHistoryOfTheCurrentPodsByNameToo() throws Exception {
    CadvisorHistorySource withPods =
        new CadvisorHistorySource(
            metricsServer, prometheus, t -> CompletableFuture.completedFuture(List.of("web-main")));

    RangeSamples history =
        withPods.range(WEB_CPU, T.minus(STEP), T, STEP).toCompletableFuture().get();

    PromQlQuery asked = CadvisorUsageQuery.of(WEB_CPU, STEP, List.of("web-main"));
    assertThat(asked.expression()).contains("|web-main\"");
    assertThat(prometheus.asked).containsExactly(asked);
    assertThat(history.size()).isEqualTo(2);
  }

  @Test
  void whenTheCurrentPodsCannotBeListedTheNamingPatternAloneIsRead() throws Exception {
    CadvisorHistorySource failing =
        new CadvisorHistorySource(
            metricsServer,
            prometheus,
            t -> CompletableFuture.failedFuture(new IllegalStateException("API down")));
    CadvisorHistorySource throwing =
        new CadvisorHistorySource(
            metricsServer,
            prometheus,
            t -> {
              throw new IllegalStateException("no client");
            });

    RangeSamples failed =
        failing.range(WEB_CPU, T.minus(STEP), T, STEP).toCompletableFuture().get();
    RangeSamples thrown =
        throwing.range(WEB_CPU, T.minus(STEP), T, STEP).toCompletableFuture().get();

    assertThat(failed.size()).isEqualTo(2);
    assertThat(thrown.size()).isEqualTo(2);
    assertThat(prometheus.asked)
        .containsExactly(
            CadvisorUsageQuery.of(WEB_CPU, STEP), CadvisorUsageQuery.of(WEB_CPU, STEP));
  }

  @Test
  void whenTheCurrentPodsChangeTheQueryOfTheFormerOnesIsReleased() throws Exception {
    AtomicReference<List<String>> pods = new AtomicReference<>(List.of("web-a"));
    CadvisorHistorySource withPods =
        new CadvisorHistorySource(
            metricsServer, prometheus, t -> CompletableFuture.completedFuture(pods.get()));

    withPods.range(WEB_CPU, T.minus(STEP), T, STEP).toCompletableFuture().get();
    withPods.range(WEB_CPU, T.minus(STEP), T, STEP).toCompletableFuture().get();
    assertThat(prometheus.released).isEmpty();
    pods.set(List.of("web-b"));
    withPods.range(WEB_CPU, T.minus(STEP), T, STEP).toCompletableFuture().get();

    assertThat(prometheus.released)
        .containsExactly(CadvisorUsageQuery.of(WEB_CPU, STEP, List.of("web-a")));
    withPods.release(WEB_CPU);
    assertThat(prometheus.released)
        .containsExactly(
            CadvisorUsageQuery.of(WEB_CPU, STEP, List.of("web-a")),
            CadvisorUsageQuery.of(WEB_CPU, STEP, List.of("web-b")));
  }

  /** Answers every range with 1.5 at each step; records what it was asked. */
  private static final class RecordingPrometheus implements MetricSource {

    final List<MetricQuery> asked = new CopyOnWriteArrayList<>();
    final List<MetricQuery> released = new CopyOnWriteArrayList<>();
    volatile boolean closed;

    @Override
    public String name() {
      return "prometheus";
    }

    @Override
    public CompletionStage<InstantSample> instant(MetricQuery query, Instant at) {
      asked.add(query);
      return CompletableFuture.completedFuture(InstantSample.empty(at, List.of()));
    }

    @Override
    public boolean supportsRange() {
      return true;
    }

    @Override
    public CompletionStage<RangeSamples> range(
        MetricQuery query, Instant from, Instant to, Duration step) {
      asked.add(query);
      int n = (int) (Duration.between(from, to).dividedBy(step)) + 1;
      long[] times = new long[n];
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        times[i] = from.plus(step.multipliedBy(i)).toEpochMilli();
        values[i] = 1.5;
      }
      assertThat(query).isInstanceOf(PromQlQuery.class);
      return CompletableFuture.completedFuture(new RangeSamples(times, values, List.of()));
    }

    @Override
    public void release(MetricQuery query) {
      released.add(query);
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
