package io.predictivescaler.core.tick;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.core.config.PolicyFields;
import io.predictivescaler.core.config.RiskBudget;
import io.predictivescaler.core.config.WorkloadPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Under {@code risk: hpa} the forecast raises capacity above the plain HPA's only out of what the
 * workload saved against the shadow HPA. The first day only adds to the HPA (and here, with a model
 * no better than last value, is the plain HPA), so the workload leaves it with nothing saved: the
 * forecast may then only lower the count until it has saved what the band asked for, and raises it
 * again. What ran while capped is not what the chosen candidate would have run, so it does not
 * correct the counterfactual figures. A steady load of about 1,000 for a day, then ±25 % noise.
 */
class SavingsSpentTickTest {

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(15);
  private static final String CAPPED = "may not raise the count above the plain HPA's until";

  @Test
  void withNothingSavedTheForecastMayOnlyLowerTheCountUntilItHasSavedEnough() {
    Run run = run(Policies.predictive("checkout", 100, 40, STEP));

    assertThat(run.firstCapped).as("a tick whose forecast may not raise the count").isNotNull();
    CalibrationStatus capped = run.firstCapped.calibration();
    assertThat(capped.proving()).isFalse();
    assertThat(capped.savedReplicaHours()).isLessThanOrEqualTo(0);
    assertThat(run.firstCapped.summary().detail())
        .contains(CAPPED)
        .contains("or the re-pick at " + capped.nextRepickAt())
        .contains("the workload has saved 0.00 replica-h against the shadow HPA");
    assertThat(run.cappedAboveShadow)
        .as("capped ticks whose replicas exceed the plain HPA's decision")
        .isZero();
    assertThat(run.cappedTicks).isPositive();
    assertThat(run.firstReleased)
        .as("a tick after the cap where the forecast may raise")
        .isNotNull();
    assertThat(run.firstReleased.now())
        .as("released once the savings cover the band, at the latest at the re-pick")
        .isBeforeOrEqualTo(capped.nextRepickAt());
    assertThat(run.firstReleased.calibration().savedReplicaHours())
        .as("savings made while capped")
        .isPositive();
    assertThat(run.raisedAfterCap)
        .as("ticks after the cap where the forecast raised the count above the plain HPA's")
        .isPositive();
    assertThat(run.firstRepickAfterCap.calibration().correction().measured())
        .as(
            "an interval with capped ticks is not what the chosen candidate would have run: %s",
            run.firstRepickAfterCap.summary().detail())
        .isFalse();
  }

  @Test
  void anExplicitBudgetPromisesNoCostAndIsNeverCapped() {
    WorkloadPolicy hpaRisk = Policies.predictive("checkout", 100, 40, STEP);
    WorkloadPolicy share =
        hpaRisk.withSettings(hpaRisk.settings().with(PolicyFields.RISK, RiskBudget.share(0.01)));

    Run run = run(share);

    assertThat(run.ticks).isGreaterThan(6000);
    assertThat(run.firstCapped).isNull();
  }

  private static final class Run {
    int ticks;
    TickOutcome.Decided firstCapped;
    TickOutcome.Decided firstReleased;
    TickOutcome.Decided firstRepickAfterCap;
    int cappedTicks;
    int cappedAboveShadow;
    int raisedAfterCap;
  }

  private static Run run(WorkloadPolicy policy) {
    Random noise = new Random(5);
    FakeCluster cluster = new FakeCluster(Duration.ofSeconds(90));
    cluster.add("checkout", 13, t -> load(t, noise));
    OneWorkloadLoop loop = new OneWorkloadLoop(cluster, policy);
    Run run = new Run();
    for (long s = 0; s < 27 * 3600; s += STEP.getSeconds()) {
      Instant now = T0.plusSeconds(s);
      TickOutcome.Decided outcome = loop.tick(now);
      run.ticks++;
      int replicas = outcome.decision().replicas();
      int hpa = outcome.shadowHpa().replicas();
      if (!outcome.summary().mayRaise()) {
        run.firstCapped = run.firstCapped == null ? outcome : run.firstCapped;
        run.cappedTicks++;
        run.cappedAboveShadow += replicas > hpa ? 1 : 0;
      } else if (run.firstCapped != null && outcome.summary().trusted()) {
        run.firstReleased = run.firstReleased == null ? outcome : run.firstReleased;
        run.raisedAfterCap += replicas > hpa ? 1 : 0;
      }
      CalibrationStatus status = outcome.calibration();
      if (run.firstCapped != null
          && status != null
          && run.firstRepickAfterCap == null
          && status.chosenAt().isAfter(run.firstCapped.calibration().chosenAt())) {
        run.firstRepickAfterCap = outcome;
      }
    }
    return run;
  }

  private static double load(Instant t, Random noise) {
    long second = t.getEpochSecond() - T0.getEpochSecond();
    double sd = second < 24 * 3600 ? 10 : 250;
    return 1000 + noise.nextGaussian() * sd;
  }
}
