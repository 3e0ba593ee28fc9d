package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

// The project's Prometheus registry is the simpleclient one (docs/ARCHITECTURE.md §10), deprecated
// upstream.
@SuppressWarnings("deprecation")
class ServiceMetersTest {

  private static final Pattern BUCKET_BOUND =
      Pattern.compile("predictive_scaler_tick_duration_seconds_bucket\\{le=\"([^\"]+)\"");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void buildInfoIsOneLabelledWithTheVersionsAndTheRevision() {
    ServiceMeters.buildInfo(
        registry, "1.4.2", "0123456789abcdef0123456789abcdef01234567", "17.0.15");

    assertThat(registry.scrape())
        .contains(
            "predictive_scaler_build_info{java_version=\"17.0.15\","
                + "revision=\"0123456789abcdef0123456789abcdef01234567\",version=\"1.4.2\",} 1.0");
  }

  @Test
  void tickDurationHasTheServiceLevelBucketsAndStaysWithinTheExpectedRange() {
    ServiceMeters.tickDuration(registry).record(Duration.ofMillis(700));

    String scrape = registry.scrape();

    assertThat(scrape)
        .contains("predictive_scaler_tick_duration_seconds_bucket{le=\"0.5\",} 0.0")
        .contains("predictive_scaler_tick_duration_seconds_bucket{le=\"1.0\",} 1.0")
        .contains("predictive_scaler_tick_duration_seconds_bucket{le=\"2.5\",} 1.0")
        .contains("predictive_scaler_tick_duration_seconds_bucket{le=\"10.0\",} 1.0");
    assertThat(finiteBucketBounds(scrape))
        .hasSizeGreaterThan(9)
        .allSatisfy(le -> assertThat(le).isBetween(0.001, 30.0));
  }

  private static List<Double> finiteBucketBounds(String scrape) {
    return BUCKET_BOUND
        .matcher(scrape)
        .results()
        .map(m -> m.group(1))
        .filter(le -> !le.equals("+Inf"))
        .map(Double::parseDouble)
        .toList();
  }
}
