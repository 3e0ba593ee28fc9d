package io.predictivescaler.core.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.counterfactual.BiasFactors;
import io.predictivescaler.core.tick.CalibrationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The meters of each workload's counterfactual choice, tagged {@code namespace} and {@code
 * workload} as {@code WorkloadMeters}: the quantile level the choice put in force (0 when it chose
 * the plain HPA), the peak band's recent coverage at that level, and the correction the choice's
 * figures had (real over modelled, by {@code family} and {@code figure}; NaN until measured). They
 * appear with the workload's first choice, read the last tick's status (NaN while no choice is in
 * force, e.g. after the forecaster was rebuilt), and leave with the workload.
 */
final class CalibrationMeters {

  static final String LEVEL = "predictive.scaler.forecast.level";
  static final String BAND_COVERAGE = "predictive.scaler.forecast.band.coverage";
  static final String CORRECTION = "predictive.scaler.counterfactual.correction";

  private final MeterRegistry registry;
  private final Map<TargetRef, Latest> byWorkload = new ConcurrentHashMap<>();

  /** What the gauges of one workload read, written by its tick, read at scrapes. */
  private static final class Latest {
    volatile double level = Double.NaN;
    volatile double coverage = Double.NaN;
    volatile BiasFactors correction = BiasFactors.NONE;
    Gauge levelGauge;
    Gauge coverageGauge;
    final List<Gauge> correctionGauges = new ArrayList<>(4);
  }

  CalibrationMeters(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Records a tick's calibration; {@code status} null (no forecast) or without a choice leaves a
   * workload that never had a choice without gauges.
   */
  void update(TargetRef workload, CalibrationStatus status) {
    boolean chosen = status != null && status.choice() != null;
    Latest latest =
        chosen ? byWorkload.computeIfAbsent(workload, this::register) : byWorkload.get(workload);
    if (latest == null) {
      return;
    }
    latest.level = chosen ? status.chosenLevel() : Double.NaN;
    latest.coverage = chosen ? status.chosenCoverage() : Double.NaN;
    latest.correction = chosen ? status.correction() : BiasFactors.NONE;
  }

  /** Removes the gauges of a workload that left the policy. */
  void forget(TargetRef workload) {
    Latest removed = byWorkload.remove(workload);
    if (removed != null) {
      registry.remove(removed.levelGauge);
      registry.remove(removed.coverageGauge);
      removed.correctionGauges.forEach(registry::remove);
    }
  }

  private Latest register(TargetRef workload) {
    Tags tags = Tags.of("namespace", workload.namespace(), "workload", workload.name());
    Latest latest = new Latest();
    latest.levelGauge =
        Gauge.builder(LEVEL, latest, l -> l.level)
            .description(
                "Quantile level of the peak band the counterfactual choice put in force; 0 when"
                    + " it chose the plain HPA")
            .tags(tags)
            .strongReference(true)
            .register(registry);
    latest.coverageGauge =
        Gauge.builder(BAND_COVERAGE, latest, l -> l.coverage)
            .description(
                "Recent share of lead windows whose peak load stayed within the band at the"
                    + " chosen level; NaN when the plain HPA was chosen")
            .tags(tags)
            .strongReference(true)
            .register(registry);
    correction(latest, tags, "forecast", "overload", BiasFactors::forecastOverload);
    correction(latest, tags, "forecast", "cost", BiasFactors::forecastCost);
    correction(latest, tags, "hpa", "overload", BiasFactors::hpaOverload);
    correction(latest, tags, "hpa", "cost", BiasFactors::hpaCost);
    return latest;
  }

  private void correction(
      Latest latest,
      Tags tags,
      String family,
      String figure,
      ToDoubleFunction<BiasFactors> factor) {
    latest.correctionGauges.add(
        Gauge.builder(
                CORRECTION,
                latest,
                l -> l.correction.measured() ? factor.applyAsDouble(l.correction) : Double.NaN)
            .description(
                "Real over modelled overload minutes or replica-hours of the counterfactual"
                    + " replay, for the forecast candidates that ran and for the HPA run beside the"
                    + " workload; the choice's figures are scaled by it. NaN until measured")
            .tags(tags.and("family", family, "figure", figure))
            .strongReference(true)
            .register(registry));
  }
}
