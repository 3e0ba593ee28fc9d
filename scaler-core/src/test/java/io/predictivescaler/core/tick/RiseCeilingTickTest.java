package io.predictivescaler.core.tick;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.core.config.WorkloadPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The full loop on a quiet load with a spike every two hours: the peak band never asks for many
 * times what any spike needed, and a decision the ceiling bounded says so.
 */
class RiseCeilingTickTest {

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(15);
  private static final long DAY = 86_400;
  private static final double TARGET_PER_REPLICA = 100;
  private static final double QUIET = 300;
  private static final double SPIKE = 3_000;

  @Test
  void aSpikeIsMetWithNoMoreThanItsRisesSuggestAndTheExplanationSaysSo() {
    Random noise = new Random(5);
    FakeCluster cluster = new FakeCluster(Duration.ofSeconds(90));
    cluster.add("search", 3, t -> load(t) + noise.nextGaussian());
    WorkloadPolicy policy = Policies.predictive("search", TARGET_PER_REPLICA, 200, STEP);
    OneWorkloadLoop loop = new OneWorkloadLoop(cluster, policy);

    int most = 0;
    String capped = null;
    for (long s = 0; s < 3 * DAY; s += STEP.getSeconds()) {
      Instant now = T0.plusSeconds(s);
      TickOutcome.Decided outcome = loop.tick(now);
      if (s < 2 * DAY) {
        continue;
      }
      most = Math.max(most, outcome.decision().replicas());
      String explanation = outcome.decision().explanation();
      if (capped == null && explanation.contains("capped at")) {
        capped = explanation;
      }
    }

    int spikeNeeds = (int) Math.ceil(SPIKE / TARGET_PER_REPLICA);
    // the spike's own rise over a lead window is about six replicas' worth
    assertThat(most)
        .as("the most replicas asked for on day 3")
        .isLessThanOrEqualTo(spikeNeeds + 10);
    assertThat(capped)
        .as("a decision bounded by the ceiling names it")
        .isNotNull()
        .contains("the newest load plus");
  }

  /** The quiet load, and every two hours a ten-minute straight ramp to the spike and back. */
  private static double load(Instant t) {
    long second = Math.floorMod(t.getEpochSecond() - T0.getEpochSecond(), 7_200);
    double ramp = 600;
    double share = second < ramp ? second / ramp : second < 2 * ramp ? 2 - second / ramp : 0;
    return QUIET + (SPIKE - QUIET) * share;
  }
}
