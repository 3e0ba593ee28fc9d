package io.predictivescaler.collector.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.predictivescaler.collector.resilience.ResilienceOptions;
import io.predictivescaler.collector.resilience.ResilientMetricSource;
import io.predictivescaler.collector.source.MetricSource;
import io.predictivescaler.collector.source.PromQlQuery;
import io.predictivescaler.collector.verticle.CollectorVerticle;
import io.predictivescaler.collector.verticle.Registration;
import io.predictivescaler.collector.verticle.SeriesSpec;
import io.predictivescaler.collector.window.WindowSnapshot;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backfill from a real Prometheus holding three hours of history loaded with promtool. */
class PrometheusBackfillIT {

  private static final Duration STEP = Duration.ofSeconds(15);
  private static final int HISTORY_POINTS = 3 * 240;

  @TempDir static Path workDir;

  private static PrometheusProcess prometheus;
  private static Instant historyEnd;

  /** A value for every history sample, exact in float. */
  private static double expected(Instant t) {
    return (t.getEpochSecond() / 15 * 7) % 101 + 0.5;
  }

  @BeforeAll
  static void startPrometheusWithHistory() throws Exception {
    PrometheusProcess.assumeInstalled();
    long now = System.currentTimeMillis() / 1000;
    historyEnd = Instant.ofEpochSecond(now / 15 * 15 - 60);
    StringBuilder om = new StringBuilder("# TYPE load gauge\n");
    for (int i = HISTORY_POINTS - 1; i >= 0; i--) {
      Instant t = historyEnd.minus(STEP.multipliedBy(i));
      om.append("load{job=\"history\"} ")
          .append(expected(t))
          .append(' ')
          .append(t.getEpochSecond())
          .append('\n');
    }
    om.append("# EOF\n");
    PrometheusProcess.loadHistory(workDir, om.toString());
    prometheus = PrometheusProcess.start(workDir, List.of());
  }

  @AfterAll
  static void stopPrometheus() throws Exception {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  @Test
  void backfillsTheWindowWithExactlyTheHistoryAcrossChunks() throws Exception {
    Vertx vertx = Vertx.vertx();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try {
      MetricSource source =
          new ResilientMetricSource(
              new PrometheusSource(
                  vertx,
                  PrometheusOptions.of(URI.create(prometheus.url())).withMaxPointsPerRequest(100)),
              ResilienceOptions.defaults(),
              scheduler,
              registry);
      Clock clock = Clock.fixed(historyEnd.plusSeconds(5), ZoneOffset.UTC);
      CollectorVerticle collector =
          new CollectorVerticle(Map.of("prometheus", source), registry, clock);
      vertx.deployVerticle(collector).await();

      Registration registration =
          collector
              .register(
                  new SeriesSpec(
                      "history", "prometheus", new PromQlQuery("load"), STEP, Duration.ofHours(2)))
              .toCompletionStage()
              .toCompletableFuture()
              .get(60, TimeUnit.SECONDS);
      WindowSnapshot window =
          collector
              .snapshot("history")
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);

      assertThat(registration.backfillError()).isEmpty();
      assertThat(registration.backfilledPoints()).isEqualTo(480);
      assertThat(window.size()).isEqualTo(480);
      assertThat(window.end()).isEqualTo(historyEnd.plus(STEP));
      for (int i = 0; i < window.size(); i++) {
        assertThat((double) window.values()[i])
            .as("slot %s", window.time(i))
            .isEqualTo(expected(window.time(i)));
      }
      assertThat(
              registry
                  .get("predictive.scaler.collector.query.latency")
                  .tag("operation", "range")
                  .timer()
                  .count())
          .isEqualTo(1);
    } finally {
      vertx.close().await();
      scheduler.shutdownNow();
    }
  }
}
