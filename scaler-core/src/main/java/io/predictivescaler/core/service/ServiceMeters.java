package io.predictivescaler.core.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The meters of the replica as a whole, beside the per-workload ones ({@code WorkloadMeters}): what
 * build runs, whether this replica leads, and how long its ticks take. None is tagged by workload.
 */
final class ServiceMeters {

  static final String BUILD_INFO = "predictive.scaler.build.info";
  static final String LEADER = "predictive.scaler.leader";
  static final String TICK_DURATION = "predictive.scaler.tick.duration";

  /**
   * Explicit buckets beside the percentile histogram's own: the timer fires every second, so 1 s is
   * where ticks start to be skipped.
   */
  private static final Duration[] TICK_SLOS = {
    Duration.ofMillis(10),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private ServiceMeters() {}

  /**
   * {@code predictive_scaler_build_info{version, revision, java_version} 1}, the Prometheus
   * convention for joining a version onto other series.
   *
   * @param version what {@code --version} prints ({@link BuildVersion#current()})
   * @param revision the commit built ({@link BuildVersion#revision()})
   */
  static void buildInfo(
      MeterRegistry registry, String version, String revision, String javaVersion) {
    Gauge.builder(BUILD_INFO, () -> 1)
        .description(
            "1, labelled with the version and commit of predictive-scaler and the JVM's version")
        .tag("version", Objects.requireNonNull(version, "version"))
        .tag("revision", Objects.requireNonNull(revision, "revision"))
        .tag("java_version", Objects.requireNonNull(javaVersion, "javaVersion"))
        .strongReference(true)
        .register(registry);
  }

  /**
   * {@code predictive_scaler_leader}: 1 while this replica holds the Lease and may write, 0
   * otherwise; read at each scrape.
   */
  static void leader(MeterRegistry registry, BooleanSupplier leading) {
    Objects.requireNonNull(leading, "leading");
    Gauge.builder(LEADER, leading, l -> l.getAsBoolean() ? 1 : 0)
        .description("1 while this replica holds the Lease and may actuate, 0 otherwise")
        .strongReference(true)
        .register(registry);
  }

  /**
   * {@code predictive_scaler_tick_duration_seconds}: the wall time of each tick that ran at least
   * one workload, as a histogram for {@code histogram_quantile}.
   */
  static Timer tickDuration(MeterRegistry registry) {
    return Timer.builder(TICK_DURATION)
        .description(
            "Wall time of a tick that ran at least one workload: observe, forecast, decide,"
                + " actuate and record every due workload")
        .publishPercentileHistogram()
        .serviceLevelObjectives(TICK_SLOS)
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry);
  }
}
