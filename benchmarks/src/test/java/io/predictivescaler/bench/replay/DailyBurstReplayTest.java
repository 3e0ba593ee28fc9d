package io.predictivescaler.bench.replay;

import static io.predictivescaler.bench.replay.ReplayFixtures.overloadMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.bench.sim.ReplayMetrics;
import io.predictivescaler.bench.strategy.StrategyFactory;
import io.predictivescaler.bench.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A load that jumps at the same minute every day (a batch job): five days of a smooth daily load,
 * 1.6 times as high from 18:01 to 18:05 UTC each day, replayed for the plain HPA and the service's
 * tick loop. Once a day of history holds the burst, predictive must be ready for it: overloaded in
 * those minutes less than half as long as the HPA, which only reacts, while the whole run keeps the
 * default contract. Before yesterday's rise was taken in, predictive met the bursts exactly as the
 * HPA did (BENCHMARKS.md, "Tenth session").
 */
class DailyBurstReplayTest {

  private static final Instant FROM = Instant.parse("1995-07-03T00:00:00Z");
  private static final int DAYS = 5;
  private static final Duration BURST_START = Duration.ofHours(18).plusMinutes(1);
  private static final Duration BURST = Duration.ofMinutes(4);

  @Test
  void aBurstAtTheSameMinuteEveryDayIsMetAheadOnceADayHoldsIt() {
    ReplayResult result = ReplayFixtures.replayDefaults(withDailyBurst());

    double hpa = 0;
    double predictive = 0;
    for (int day = 2; day < DAYS; day++) {
      // from a lead window before the burst to ten minutes after it
      Instant from = FROM.plus(Duration.ofDays(day)).plus(BURST_START).minus(Duration.ofMinutes(3));
      Duration span = BURST.plusMinutes(13);
      hpa += overloadMinutes(result, StrategyFactory.HPA, from, span);
      predictive += overloadMinutes(result, StrategyFactory.PREDICTIVE, from, span);
    }
    assertThat(hpa).as("the HPA is overloaded by the bursts").isGreaterThan(0);
    assertThat(predictive).as("predictive in the bursts (hpa %.2f min)", hpa).isLessThan(hpa / 2);

    ReplayMetrics h = result.runs().get(StrategyFactory.HPA).metrics();
    ReplayMetrics p = result.runs().get(StrategyFactory.PREDICTIVE).metrics();
    String figures =
        String.format(
            "predictive %.2f overload min, %.1f replica-h; hpa %.2f, %.1f",
            p.overloadMinutes(), p.replicaHours(), h.overloadMinutes(), h.replicaHours());
    assertThat(p.overloadMinutes()).as(figures).isLessThanOrEqualTo(h.overloadMinutes());
    assertThat(p.replicaHours()).as(figures).isLessThanOrEqualTo(h.replicaHours());
  }

  /** A smooth daily wave with a little noise at one-minute points, and the burst on top. */
  private static Trace withDailyBurst() {
    Random noise = new Random(5);
    int points = DAYS * 1_440;
    long[] times = new long[points];
    double[] values = new double[points];
    for (int i = 0; i < points; i++) {
      times[i] = FROM.getEpochSecond() + 60L * i;
      long ofDay = Math.floorMod(times[i], 86_400L);
      boolean burst =
          ofDay >= BURST_START.getSeconds() && ofDay < BURST_START.plus(BURST).getSeconds();
      double level = 100 + 40 * Math.sin(2 * Math.PI * ofDay / 86_400.0) + noise.nextGaussian();
      values[i] = level * (burst ? 1.6 : 1);
    }
    return new Trace("daily-burst.csv", times, values, Duration.ofMinutes(1), 0);
  }
}
