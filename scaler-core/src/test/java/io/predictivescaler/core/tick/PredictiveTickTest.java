package io.predictivescaler.core.tick;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.decision.ReasonCode;
import io.predictivescaler.core.decision.StageTrace;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The full loop on a daily pattern (window, forecaster with refits and trust verdict, pipeline,
 * actuator): once the peak band is calibrated, the morning ramp is met with more replicas than a
 * plain HPA asks for, while the ramp is still rising.
 */
class PredictiveTickTest {

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(15);
  private static final long DAY = 86_400;
  private static final double TARGET_PER_REPLICA = 100;

  @Test
  void scalesAheadOfTheMorningRampOnceTheForecastIsTrusted() {
    Random noise = new Random(42);
    FakeCluster cluster = new FakeCluster(Duration.ofSeconds(90));
    cluster.add("checkout", 3, t -> load(t) + noise.nextGaussian() * 5);
    WorkloadPolicy policy = Policies.predictive("checkout", TARGET_PER_REPLICA, 40, STEP);
    OneWorkloadLoop loop = new OneWorkloadLoop(cluster, policy);

    TickOutcome.Decided firstRiseOnDay3 = null;
    long end = 2 * DAY + 9 * 3600;
    for (long s = 0; s < end; s += STEP.getSeconds()) {
      Instant now = T0.plusSeconds(s);
      TickOutcome.Decided outcome = loop.tick(now);
      if (s > 2 * DAY + 8 * 3600
          && firstRiseOnDay3 == null
          && outcome.decision().replicas() > outcome.shadowHpa().replicas()) {
        firstRiseOnDay3 = outcome;
      }
    }

    assertThat(firstRiseOnDay3).isNotNull();
    assertThat(firstRiseOnDay3.decision().reason()).isEqualTo(ReasonCode.PREDICTED_LOAD);
    StageTrace combine = firstRiseOnDay3.decision().stage(StageTrace.COMBINE).orElseThrow();
    StageTrace reactive = firstRiseOnDay3.decision().stage(StageTrace.REACTIVE).orElseThrow();
    assertThat(combine.out()).isGreaterThan(reactive.out());
    assertThat(firstRiseOnDay3.summary().trusted()).isTrue();
    assertThat(firstRiseOnDay3.shadowHpa().replicas())
        .isLessThan(firstRiseOnDay3.decision().replicas());
    assertThat(firstRiseOnDay3.now()).isBefore(T0.plusSeconds(2 * DAY + 8 * 3600 + 600));
    // the scale-down window holds what the band asked for as long as the band's lead window:
    // from the newest sample to now + the 90 s lead time + one step
    Instant newest = firstRiseOnDay3.observation().history().end();
    assertThat(firstRiseOnDay3.summary().hold())
        .isEqualTo(Duration.between(newest, firstRiseOnDay3.now().plusSeconds(90).plus(STEP)))
        .isLessThan(Duration.ofMinutes(5));
  }

  /** 300 at night, a ten-minute ramp to 2,000 from 08:00, back down from 20:00. */
  private static double load(Instant t) {
    long secondOfDay = Math.floorMod(t.getEpochSecond() - T0.getEpochSecond(), DAY);
    double up = ramp(secondOfDay, 8 * 3600, 600);
    double down = ramp(secondOfDay, 20 * 3600, 1800);
    return 300 + 1700 * (up - down);
  }

  private static double ramp(long second, long start, long length) {
    return Math.min(1, Math.max(0, (second - start) / (double) length));
  }
}
