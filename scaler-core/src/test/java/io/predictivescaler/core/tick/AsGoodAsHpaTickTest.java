package io.predictivescaler.core.tick;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.core.decision.ReasonCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A workload on which every candidate does what the plain HPA does: a steady load of about half a
 * replica's target, so that the HPA and every band ask for the one replica the minimum gives. The
 * HPA wins the choice (nothing is cheaper), and a forecast candidate as good as it runs instead,
 * although the workload, having run the plain HPA until then, has saved nothing against the shadow
 * HPA: waiting for savings that only a running forecast can make would leave it on the HPA for
 * good. What it may spend above the shadow is capped at run time ({@link SavingsSpentTickTest}).
 */
class AsGoodAsHpaTickTest {

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(15);

  @Test
  void whereTheHpaWinsWithNothingSavedAForecastAsGoodAsItRuns() {
    Random noise = new Random(11);
    FakeCluster cluster = new FakeCluster(Duration.ofSeconds(90));
    cluster.add("steady", 1, t -> 50 + noise.nextGaussian() * 2);
    OneWorkloadLoop loop =
        new OneWorkloadLoop(cluster, Policies.predictive("steady", 100, 10, STEP));
    TickOutcome.Decided last = null;
    int untrustedAfterProving = 0;
    int decidedAfterProving = 0;
    for (long s = 0; s < 30 * 3600; s += STEP.getSeconds()) {
      Instant now = T0.plusSeconds(s);
      last = loop.tick(now);
      assertThat(last.decision().replicas()).as("replicas at %s", now).isEqualTo(1);
      CalibrationStatus status = last.calibration();
      if (status != null && status.choice() != null && !status.proving()) {
        decidedAfterProving++;
        untrustedAfterProving += last.reason() == ReasonCode.FORECAST_UNTRUSTED ? 1 : 0;
      }
    }

    CalibrationStatus status = last.calibration();
    assertThat(decidedAfterProving).as("ticks after the proving day").isGreaterThan(1000);
    assertThat(status.savedReplicaHours()).as("saved against the shadow HPA").isEqualTo(0.0);
    assertThat(status.choice().hpaChosen()).as(status.choice().rule()).isFalse();
    assertThat(status.choice().rule())
        .contains(": as good as the plain HPA, which had the least cost within risk: hpa (0.0 <=");
    assertThat(last.summary().trusted()).as(last.summary().detail()).isTrue();
    assertThat(untrustedAfterProving).as("ticks the plain HPA ran after the proving day").isZero();
  }
}
