package io.predictivescaler.core.tick;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.core.config.PolicyFields;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.forecast.ForecastSettings;
import io.predictivescaler.forecast.RegularSeries;
import io.predictivescaler.forecast.SeriesForecaster;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Measures what the policy memory limits in docs/CONFIGURATION.md are computed from: a workload's
 * forecast state grows with (horizon / step)^2, and at the 600-step limit it stays a few MB.
 */
class ForecastMemoryTest {

  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(1);

  @Test
  void forecastMemoryAtTheStepLimitIsAFewMegabytesAndGrowsWithTheSquareOfTheSteps() {
    WorkloadPolicy base = Policies.policy("checkout", ScalingMode.DRY_RUN, 100, 10);
    WorkloadPolicy atLimit =
        base.withSettings(
            base.settings()
                .with(PolicyFields.STEP, STEP)
                .with(PolicyFields.HORIZON, Duration.ofMinutes(10)));
    ForecastSettings limit = PolicyTranslation.forecastSettings(atLimit);
    ForecastSettings twice = limit.withHorizon(limit.horizon().multipliedBy(2));

    firstForecastBytes(ForecastSettings.defaults());
    long atLimitBytes = firstForecastBytes(limit);
    long twiceBytes = firstForecastBytes(twice);

    assertThat(atLimitBytes).isBetween(2_500_000L, 6_000_000L);
    assertThat((double) twiceBytes / atLimitBytes).isBetween(3.0, 4.5);
  }

  /**
   * Bytes allocated by a series' first forecast, which sizes its online book (the first call also
   * loads classes: the test warms up with a small horizon).
   */
  private static long firstForecastBytes(ForecastSettings settings) {
    float[] values = new float[3600];
    java.util.Arrays.fill(values, 100f);
    RegularSeries history = new RegularSeries(T0.minusSeconds(3600), STEP, values);
    SeriesForecaster forecaster = new SeriesForecaster(settings);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    forecaster.forecast(history, T0);
    return threads.getCurrentThreadAllocatedBytes() - before;
  }
}
