package io.predictivescaler.core.tick;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.counterfactual.RiskChooser;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Until the counterfactual choice has replayed a day of history, the band only adds to what the HPA
 * asks for, and where the model has not beaten the naive baselines the plain HPA runs (the replicas
 * are the shadow HPA's); after that the chosen candidate runs as chosen, and on a steady load its
 * band sizes below the HPA's 20 % headroom.
 */
class OnlyAddsToHpaTest {

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(15);
  private static final double TARGET_PER_REPLICA = 100;

  @Test
  void theBandSizesBelowTheHpaOnlyOnceADayOfHistoryIsReplayed() {
    Random noise = new Random(7);
    FakeCluster cluster = new FakeCluster(Duration.ofSeconds(90));
    cluster.add("checkout", 13, t -> 1000 + noise.nextGaussian() * 10);
    WorkloadPolicy policy = Policies.predictive("checkout", TARGET_PER_REPLICA, 40, STEP);
    OneWorkloadLoop loop = new OneWorkloadLoop(cluster, policy);

    int provingTicks = 0;
    int belowHpaAfterADay = 0;
    String detailBefore = null;
    String detailAfter = null;
    Instant provenAt = null;
    for (long s = 0; s < 30 * 3600; s += STEP.getSeconds()) {
      Instant now = T0.plusSeconds(s);
      TickOutcome.Decided outcome = loop.tick(now);
      int replicas = outcome.decision().replicas();
      int hpa = outcome.shadowHpa().replicas();
      boolean onlyAdds = outcome.summary().detail().contains("only adds to the HPA");
      if (!onlyAdds && provenAt == null && outcome.summary().trusted()) {
        provenAt = now;
      }
      if (provenAt == null) {
        String detail = outcome.summary().detail();
        if (detail.contains("the plain HPA runs until")) {
          assertThat(replicas).as("at %s the HPA asked for %d", now, hpa).isEqualTo(hpa);
          provingTicks++;
          detailBefore = detail;
        } else if (outcome.summary().trusted()) {
          assertThat(replicas)
              .as("at %s the HPA asked for %d", now, hpa)
              .isGreaterThanOrEqualTo(hpa);
          provingTicks++;
          detailBefore = detail;
        }
      } else if (s > 27 * 3600) {
        if (replicas < hpa) {
          belowHpaAfterADay++;
        }
        detailAfter = outcome.summary().detail();
      }
    }

    // a day of two-minute buckets is replayed at a re-pick in the day's last buckets
    assertThat(Duration.between(T0, provenAt))
        .isBetween(
            Duration.ofHours(24).minusMinutes(4),
            Duration.ofHours(24).plus(RiskChooser.REPICK_INTERVAL));
    assertThat(provingTicks).isPositive();
    assertThat(detailBefore)
        .containsAnyOf(
            "only adds to the HPA until 24 h of history are replayed",
            "the plain HPA runs until the counterfactual choice has replayed 24 h of history");
    assertThat(detailAfter).doesNotContain("only adds to the HPA").doesNotContain("plain HPA runs");
    assertThat(belowHpaAfterADay)
        .as("a steady load's band is cheaper than the HPA's headroom: %s", detailAfter)
        .isPositive();
  }
}
