package io.predictivescaler.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.bench.sim.SimulationResult;
import io.predictivescaler.bench.strategy.StrategyFactory;
import io.predictivescaler.bench.trace.Trace;
import io.predictivescaler.bench.trace.TraceLoader;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Until the counterfactual choice has replayed a day, and while its model has not beaten the naive
 * baselines, the service's tick loop is the plain HPA: on twenty hours of the bundled NASA trace as
 * whole counts every five minutes with a peak of 50 (so a replica's target is 2.0 and the loads
 * interpolated between counts land exactly on the edges of the HPA's tolerance, 2.2, 4.4, ...),
 * predictive's replicas are the HPA's at every tick until the band first adds to them. Before the
 * decision tolerated a float's rounding, the load window's 32-bit samples put such loads just past
 * the edge and asked for one more replica than the HPA: a workload the HPA kept winning (a sparse
 * tweet count) ended above its cost.
 */
class ProvingDayReplayTest {

  private static final Instant FROM = Instant.parse("1995-07-03T00:00:00Z");
  private static final Instant TO = Instant.parse("1995-07-03T20:00:00Z");

  /** One count in five of the one-minute trace. */
  private static final int EVERY = 5;

  @Test
  void untilTheBandAddsTheFirstDayIsThePlainHpaTickByTick() {
    ReplayResult result = replay(slice());

    SimulationResult hpa = result.runs().get(StrategyFactory.HPA);
    SimulationResult predictive = result.runs().get(StrategyFactory.PREDICTIVE);
    int firstAdded = Arrays.asList(predictive.tickReasons()).indexOf("PredictedLoad");
    int end = firstAdded < 0 ? hpa.replicas().length : firstAdded;
    int differing = 0;
    int first = -1;
    for (int t = 0; t < end; t++) {
      if (hpa.replicas()[t] != predictive.replicas()[t]) {
        differing++;
        first = first < 0 ? t : first;
      }
    }
    assertThat(end).as("ticks before the band first added to the HPA").isGreaterThan(1000);
    assertThat(differing)
        .as(
            "ticks where predictive's replicas differ from the HPA's (first: %d, %s)",
            first, first < 0 ? "" : predictive.tickReasons()[first])
        .isZero();
    assertThat(predictive.reasons()).containsKey("InsufficientHistory");
    int scaled = 0;
    for (int t = 1; t < end; t++) {
      scaled += hpa.replicas()[t] != hpa.replicas()[t - 1] ? 1 : 0;
    }
    assertThat(scaled).as("the HPA had something to do").isGreaterThan(10);
  }

  private static Trace slice() {
    Trace nasa = TraceLoader.loadResource("/traces/nasa_http_jul95_1min.csv");
    long[] times = nasa.epochSeconds();
    int from = index(times, FROM);
    int to = index(times, TO);
    double peak = 0;
    for (int i = from; i < to; i++) {
      peak = Math.max(peak, nasa.values()[i]);
    }
    int n = (to - from) / EVERY;
    long[] counted = new long[n];
    double[] counts = new double[n];
    for (int i = 0; i < n; i++) {
      counted[i] = times[from + i * EVERY];
      counts[i] = Math.round(nasa.values()[from + i * EVERY] * 50 / peak);
    }
    return new Trace(
        "nasa-counts-20h.csv", counted, counts, nasa.sourceInterval().multipliedBy(EVERY), 0);
  }

  private static int index(long[] times, Instant at) {
    int i = Arrays.binarySearch(times, at.getEpochSecond());
    return i >= 0 ? i : -i - 1;
  }

  private static ReplayResult replay(Trace trace) {
    return ReplayFixtures.replayDefaults(trace);
  }
}
