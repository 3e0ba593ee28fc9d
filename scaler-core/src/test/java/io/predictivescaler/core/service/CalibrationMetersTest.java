package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.counterfactual.BiasFactors;
import io.predictivescaler.core.counterfactual.CandidateScore;
import io.predictivescaler.core.counterfactual.CounterfactualChoice;
import io.predictivescaler.core.tick.CalibrationStatus;
import io.predictivescaler.forecast.peak.PeakBand;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

// The project's Prometheus registry is the simpleclient one (docs/ARCHITECTURE.md §10), deprecated
// upstream.
@SuppressWarnings("deprecation")
class CalibrationMetersTest {

  private static final TargetRef CHECKOUT = TargetRef.deployment("shop", "checkout");
  private static final TargetRef CATALOG = TargetRef.deployment("shop", "catalog");
  private static final double[] LEVELS = {0.5, 0.9, 0.99};

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final CalibrationMeters meters = new CalibrationMeters(registry);

  @Test
  void showsTheChosenLevelAndTheBandsRecentCoverageAtIt() {
    meters.update(CHECKOUT, status(0.9, new double[] {0.48, 0.87, 0.991}));

    assertThat(level(CHECKOUT)).isCloseTo(0.9, within(1e-12));
    assertThat(coverage(CHECKOUT)).isCloseTo(0.87, within(1e-12));
    assertThat(registry.scrape())
        .contains("predictive_scaler_forecast_level{namespace=\"shop\",workload=\"checkout\",} 0.9")
        .contains(
            "predictive_scaler_forecast_band_coverage{namespace=\"shop\",workload=\"checkout\",}"
                + " 0.87");
  }

  @Test
  void showsTheLevelASplitChoiceHasInForceAtTheNewestLoad() {
    CandidateScore hpa = new CandidateScore("hpa", Double.NaN, 0, 1, 4, 0, 350, 1440);
    double[] coverage = {0.48, 0.87, 0.991};
    for (double splitLoad : new double[] {100, 100.5}) {
      CandidateScore split =
          new CandidateScore("q0.5|q0.99", 0.5, 0, 1, 2, 10, 300, 1440).split(0.99, splitLoad);
      meters.update(
          CHECKOUT,
          new CalibrationStatus(
              band(coverage),
              new CounterfactualChoice(split, List.of(hpa, split), "test choice"),
              Duration.ofDays(3)));

      // the band's newest load is 100: at the split load the busy level runs, below it the quiet
      double expected = splitLoad <= 100 ? 0.5 : 0.99;
      assertThat(level(CHECKOUT)).as("split at %s", splitLoad).isEqualTo(expected);
      assertThat(coverage(CHECKOUT)).isEqualTo(splitLoad <= 100 ? 0.48 : 0.991);
    }
  }

  @Test
  void showsTheCorrectionByFamilyAndFigureOnceMeasured() {
    meters.update(CHECKOUT, status(0.9, new double[] {0.48, 0.87, 0.991}));

    assertThat(correction(CHECKOUT, "forecast", "overload")).isNaN();

    BiasFactors factors = new BiasFactors(true, 0.77, 0.998, 0.92, 1.01);
    CalibrationStatus plain = status(0.9, new double[] {0.48, 0.87, 0.991});
    meters.update(
        CHECKOUT,
        new CalibrationStatus(plain.band(), plain.choice(), plain.replayed(), factors, null, 0));

    assertThat(correction(CHECKOUT, "forecast", "overload")).isEqualTo(0.77);
    assertThat(correction(CHECKOUT, "forecast", "cost")).isEqualTo(0.998);
    assertThat(correction(CHECKOUT, "hpa", "overload")).isEqualTo(0.92);
    assertThat(correction(CHECKOUT, "hpa", "cost")).isEqualTo(1.01);
    assertThat(registry.scrape())
        .contains(
            "predictive_scaler_counterfactual_correction{family=\"forecast\",figure=\"overload\","
                + "namespace=\"shop\",workload=\"checkout\",} 0.77");

    meters.forget(CHECKOUT);
    assertThat(registry.find(CalibrationMeters.CORRECTION).gauges()).isEmpty();
  }

  private double correction(TargetRef workload, String family, String figure) {
    return registry
        .get(CalibrationMeters.CORRECTION)
        .tag("namespace", workload.namespace())
        .tag("workload", workload.name())
        .tag("family", family)
        .tag("figure", figure)
        .gauge()
        .value();
  }

  @Test
  void followsTheNextChoice() {
    meters.update(CHECKOUT, status(0.9, new double[] {0.48, 0.87, 0.991}));

    meters.update(CHECKOUT, status(0.99, new double[] {0.5, 0.9, 0.985}));

    assertThat(level(CHECKOUT)).isCloseTo(0.99, within(1e-12));
    assertThat(coverage(CHECKOUT)).isCloseTo(0.985, within(1e-12));
  }

  @Test
  void readsZeroWithoutCoverageWhenThePlainHpaWasChosen() {
    meters.update(CHECKOUT, status(Double.NaN, new double[] {0.5, 0.9, 0.99}));

    assertThat(level(CHECKOUT)).isZero();
    assertThat(coverage(CHECKOUT)).isNaN();
  }

  @Test
  void isAbsentBeforeTheFirstChoice() {
    meters.update(
        CHECKOUT, new CalibrationStatus(band(new double[] {0.5, 0.9, 0.99}), null, Duration.ZERO));
    meters.update(CATALOG, null);

    assertThat(registry.find(CalibrationMeters.LEVEL).gauges()).isEmpty();
    assertThat(registry.find(CalibrationMeters.BAND_COVERAGE).gauges()).isEmpty();
  }

  @Test
  void readsNaNWhenTheChoiceIsGoneAgain() {
    meters.update(CHECKOUT, status(0.9, new double[] {0.48, 0.87, 0.991}));

    meters.update(
        CHECKOUT, new CalibrationStatus(band(new double[] {0.5, 0.9, 0.99}), null, Duration.ZERO));

    assertThat(level(CHECKOUT)).isNaN();
    assertThat(coverage(CHECKOUT)).isNaN();
  }

  @Test
  void forgettingAWorkloadRemovesOnlyItsGauges() {
    meters.update(CHECKOUT, status(0.9, new double[] {0.48, 0.87, 0.991}));
    meters.update(CATALOG, status(0.99, new double[] {0.5, 0.9, 0.985}));

    meters.forget(CHECKOUT);

    assertThat(registry.find(CalibrationMeters.LEVEL).tag("workload", "checkout").gauges())
        .isEmpty();
    assertThat(registry.find(CalibrationMeters.BAND_COVERAGE).tag("workload", "checkout").gauges())
        .isEmpty();
    assertThat(level(CATALOG)).isCloseTo(0.99, within(1e-12));
    assertThat(registry.scrape()).doesNotContain("workload=\"checkout\"");
  }

  @Test
  void aForgottenWorkloadThatComesBackGetsFreshGauges() {
    meters.update(CHECKOUT, status(0.9, new double[] {0.48, 0.87, 0.991}));
    meters.forget(CHECKOUT);

    meters.update(CHECKOUT, status(0.5, new double[] {0.52, 0.9, 0.99}));

    assertThat(level(CHECKOUT)).isCloseTo(0.5, within(1e-12));
    assertThat(coverage(CHECKOUT)).isCloseTo(0.52, within(1e-12));
  }

  private double level(TargetRef workload) {
    return gauge(CalibrationMeters.LEVEL, workload).value();
  }

  private double coverage(TargetRef workload) {
    return gauge(CalibrationMeters.BAND_COVERAGE, workload).value();
  }

  private Gauge gauge(String name, TargetRef workload) {
    return registry
        .get(name)
        .tag("namespace", workload.namespace())
        .tag("workload", workload.name())
        .gauge();
  }

  /** A re-pick that chose {@code level} (NaN: the plain HPA), with the band's recent coverage. */
  private static CalibrationStatus status(double level, double[] coverage) {
    CandidateScore hpa = new CandidateScore("hpa", Double.NaN, 0, 1, 4, 0, 350, 1440);
    CandidateScore chosen =
        Double.isNaN(level) ? hpa : new CandidateScore("q" + level, level, 0, 1, 2, 10, 310, 1440);
    List<CandidateScore> scores = Double.isNaN(level) ? List.of(hpa) : List.of(hpa, chosen);
    return new CalibrationStatus(
        band(coverage),
        new CounterfactualChoice(chosen, scores, "test choice"),
        Duration.ofDays(1));
  }

  private static PeakBand band(double[] coverage) {
    return new PeakBand(100, 110, LEVELS, new double[] {110, 130, 160}, coverage, 500);
  }
}
