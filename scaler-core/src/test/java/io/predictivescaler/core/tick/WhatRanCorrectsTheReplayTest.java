package io.predictivescaler.core.tick;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.counterfactual.BiasFactors;
import io.predictivescaler.core.counterfactual.RiskChooser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Once a forecast candidate has run a workload alone for a re-pick interval, the next re-pick sets
 * the counterfactual figures of those hours against what really ran and what a plain HPA run beside
 * it had, and says by how much it corrected them.
 */
class WhatRanCorrectsTheReplayTest {

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(15);

  @Test
  void theChoiceAfterAForecastRanAloneIsCorrectedByWhatRan() {
    FakeCluster cluster = steadyCheckout();
    WorkloadPolicy policy = Policies.predictive("checkout", 100, 40, STEP);
    TickOrchestrator orchestrator = orchestrator(cluster, policy);

    String firstCorrected = null;
    Instant correctedAt = null;
    String lastUncorrected = null;
    BiasFactors correction = null;
    for (long s = 0; s < 33 * 3600 && firstCorrected == null; s += STEP.getSeconds()) {
      TickOutcome.Decided outcome = tick(cluster, orchestrator, s);
      String detail = outcome.summary().detail();
      if (detail.contains("figures corrected by what ran")) {
        firstCorrected = detail;
        correctedAt = T0.plusSeconds(s);
        correction = outcome.calibration().correction();
      } else {
        lastUncorrected = detail;
      }
    }

    assertThat(firstCorrected).as("last explanation: %s", lastUncorrected).isNotNull();
    assertThat(Duration.between(T0, correctedAt))
        .as(
            "the first day ends with nothing saved against the shadow HPA, so the forecast may"
                + " not raise the count until the re-pick after it; the first interval it runs"
                + " alone ends at the re-pick after that")
        .isGreaterThan(Duration.ofHours(24).plus(RiskChooser.REPICK_INTERVAL))
        .isLessThanOrEqualTo(
            Duration.ofHours(24).plus(RiskChooser.REPICK_INTERVAL.multipliedBy(2)));
    assertThat(firstCorrected)
        .matches(
            ".*figures corrected by what ran: forecast overload x\\d\\.\\d\\d, cost x\\d\\.\\d{3};"
                + " HPA overload x\\d\\.\\d\\d, cost x\\d\\.\\d{3}.*");
    assertThat(correction.measured()).isTrue();
    assertThat(firstCorrected)
        .contains(
            String.format(
                Locale.ROOT,
                "forecast overload x%.2f, cost x%.3f; HPA overload x%.2f, cost x%.3f",
                correction.forecastOverload(),
                correction.forecastCost(),
                correction.hpaOverload(),
                correction.hpaCost()));
    // a steady load: the shadow HPA and the model's HPA cost within a few percent of each other
    assertThat(correction.hpaCost()).isBetween(0.9, 1.1);
  }

  /**
   * In dry-run the replicas that ran are not the decisions' (nothing was applied), so nothing is
   * measured against them and the figures are used as the model gives them.
   */
  @Test
  void inDryRunWhatRanIsNotTheDecisionsAndCorrectsNothing() {
    FakeCluster cluster = steadyCheckout();
    WorkloadPolicy scale = Policies.predictive("checkout", 100, 40, STEP);
    WorkloadPolicy dryRun = Policies.with(scale, ScalingMode.DRY_RUN, STEP, scale.leadTime());
    TickOrchestrator orchestrator = orchestrator(cluster, dryRun);

    int choices = 0;
    for (long s = 0; s < 33 * 3600; s += STEP.getSeconds()) {
      TickOutcome.Decided outcome = tick(cluster, orchestrator, s);
      CalibrationStatus status = outcome.calibration();
      if (status != null && status.choice() != null) {
        choices++;
        assertThat(status.correction()).isEqualTo(BiasFactors.NONE);
        assertThat(outcome.summary().detail()).doesNotContain("corrected by what ran");
      }
    }
    assertThat(choices).isPositive();
  }

  /** A steady load of about 1,000 with 1 % noise, at 13 replicas to start. */
  private static FakeCluster steadyCheckout() {
    Random noise = new Random(11);
    FakeCluster cluster = new FakeCluster(Duration.ofSeconds(90));
    cluster.add("checkout", 13, t -> 1000 + noise.nextGaussian() * 10);
    return cluster;
  }

  /** One tick {@code second} seconds after {@link #T0}, with a load sample taken then. */
  private static TickOutcome.Decided tick(
      FakeCluster cluster, TickOrchestrator orchestrator, long second) {
    Instant now = T0.plusSeconds(second);
    cluster.now = now;
    cluster.sample(now);
    return (TickOutcome.Decided) orchestrator.tick(now).get(0);
  }

  private static TickOrchestrator orchestrator(FakeCluster cluster, WorkloadPolicy policy) {
    TickOrchestrator orchestrator =
        new TickOrchestrator(
            cluster, mode -> cluster, RefitScheduler.inline(), () -> true, TickListener.none());
    orchestrator.applyPolicies(List.of(policy));
    return orchestrator;
  }
}
