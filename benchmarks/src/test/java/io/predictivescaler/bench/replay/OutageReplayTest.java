package io.predictivescaler.bench.replay;

import static io.predictivescaler.bench.replay.ReplayFixtures.overloadMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.bench.sim.ReplayMetrics;
import io.predictivescaler.bench.strategy.StrategyFactory;
import io.predictivescaler.bench.trace.Trace;
import io.predictivescaler.bench.trace.TraceLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The product's promise under {@code risk: hpa} on load the history did not prepare it for: hours
 * without load, and a load that steps to another level and stays. Eight days of the bundled NASA
 * trace (four and a half for a step near the end), perturbed in memory, replayed for the plain HPA
 * and for the service's tick loop; predictive must overload no more than the HPA (within five
 * minutes where the HPA's own is under twenty) and cost no more replica-hours.
 */
class OutageReplayTest {

  private static final Instant FROM = Instant.parse("1995-07-01T00:00:00Z");
  private static final Instant TO = Instant.parse("1995-07-09T00:00:00Z");

  /** Thursday, the sixth day: six hours of office time without any load. */
  private static final Instant OUTAGE_FROM = Instant.parse("1995-07-06T10:00:00Z");

  private static final Instant OUTAGE_TO = Instant.parse("1995-07-06T16:00:00Z");

  private static final Duration AFTER_RETURN = Duration.ofHours(6);

  /** From the seventh day on, the load is a multiple of what it was. */
  private static final Instant SHIFT_FROM = Instant.parse("1995-07-07T00:00:00Z");

  @Test
  void anOutageOfSixHoursCostsNoMoreThanThePlainHpa() {
    Trace trace = perturbed("outage", (t, v) -> inOutage(t) ? 0 : v);

    ReplayResult result = replay(trace);

    assertNoWorseThanTheHpa(result);
    // the return of the load is met as well as the HPA meets it: before idle series were told
    // apart, predictive was overloaded 25 minutes in these hours where the HPA was 11
    assertThat(overloadMinutes(result, StrategyFactory.PREDICTIVE, OUTAGE_TO, AFTER_RETURN))
        .isLessThanOrEqualTo(
            allowedOverload(overloadMinutes(result, StrategyFactory.HPA, OUTAGE_TO, AFTER_RETURN)));
  }

  @Test
  void aLevelShiftUpCostsNoMoreThanThePlainHpa() {
    Trace trace = perturbed("shift-x2", (t, v) -> t.isBefore(SHIFT_FROM) ? v : 2 * v);

    assertNoWorseThanTheHpa(replay(trace));
  }

  @Test
  void aLevelShiftDownCostsNoMoreThanThePlainHpa() {
    Trace trace = perturbed("shift-x0.5", (t, v) -> t.isBefore(SHIFT_FROM) ? v : v / 2);

    assertNoWorseThanTheHpa(replay(trace));
  }

  /**
   * A step 7.5 hours before the end of a short trace is not paid back by later days: the choice in
   * force must follow it within a re-pick, so the hours from the step to the end overload no more
   * than the HPA's, and the whole window costs no more. While re-picks were six hours apart, a
   * choice made before the step ran for hours after it with its band widened by the step's misses,
   * and the four and a half days ended at 1.04x the HPA's overload. (Over the whole window the
   * first days weigh too: since the first day runs the plain HPA where the model does not beat the
   * naive baselines, the window ends at 137.25 against the HPA's 134.25 overload minutes, at 0.987x
   * its cost; BENCHMARKS.md.)
   */
  @Test
  void aLevelShiftHoursBeforeTheEndCostsNoMoreThanThePlainHpa() {
    Instant step = Instant.parse("1995-07-05T07:00:00Z");
    Trace trace =
        perturbed(
            "late-shift-x2.4",
            FROM,
            Instant.parse("1995-07-05T14:30:00Z"),
            (t, v) -> t.isBefore(step) ? v : 2.4 * v);

    ReplayResult result = replay(trace);

    Duration afterStep = Duration.ofMinutes(450);
    assertThat(overloadMinutes(result, StrategyFactory.PREDICTIVE, step, afterStep))
        .isLessThanOrEqualTo(
            allowedOverload(overloadMinutes(result, StrategyFactory.HPA, step, afterStep)));
    assertThat(result.runs().get(StrategyFactory.PREDICTIVE).metrics().replicaHours())
        .isLessThanOrEqualTo(result.runs().get(StrategyFactory.HPA).metrics().replicaHours());
  }

  private static boolean inOutage(Instant t) {
    return !t.isBefore(OUTAGE_FROM) && t.isBefore(OUTAGE_TO);
  }

  private static void assertNoWorseThanTheHpa(ReplayResult result) {
    ReplayMetrics hpa = result.runs().get(StrategyFactory.HPA).metrics();
    ReplayMetrics predictive = result.runs().get(StrategyFactory.PREDICTIVE).metrics();
    double allowed = allowedOverload(hpa.overloadMinutes());
    String figures =
        String.format(
            "predictive %.1f overload min, %.1f replica-h; hpa %.1f, %.1f",
            predictive.overloadMinutes(),
            predictive.replicaHours(),
            hpa.overloadMinutes(),
            hpa.replicaHours());
    assertThat(predictive.overloadMinutes()).as(figures).isLessThanOrEqualTo(allowed);
    assertThat(predictive.replicaHours()).as(figures).isLessThanOrEqualTo(hpa.replicaHours());
  }

  /** The HPA's own overload, or five minutes more where that is under twenty. */
  private static double allowedOverload(double hpaMinutes) {
    return hpaMinutes < 20 ? hpaMinutes + 5 : hpaMinutes;
  }

  private static ReplayResult replay(Trace trace) {
    return ReplayFixtures.replayDefaults(trace);
  }

  private interface Perturbation {
    double apply(Instant at, double value);
  }

  /** The bundled trace from {@link #FROM} to {@link #TO}, each value perturbed. */
  private static Trace perturbed(String label, Perturbation perturbation) {
    return perturbed(label, FROM, TO, perturbation);
  }

  /** The bundled trace from {@code start} to {@code end}, each value perturbed. */
  private static Trace perturbed(
      String label, Instant start, Instant end, Perturbation perturbation) {
    Trace nasa = TraceLoader.loadResource("/traces/nasa_http_jul95_1min.csv");
    long[] times = nasa.epochSeconds();
    int from = index(times, start);
    int to = index(times, end);
    long[] slice = Arrays.copyOfRange(times, from, to);
    double[] values = new double[slice.length];
    for (int i = 0; i < slice.length; i++) {
      values[i] = perturbation.apply(Instant.ofEpochSecond(slice[i]), nasa.values()[from + i]);
    }
    return new Trace(
        "nasa-" + label + ".csv", slice, values, nasa.sourceInterval(), nasa.filledPoints());
  }

  private static int index(long[] times, Instant at) {
    int i = Arrays.binarySearch(times, at.getEpochSecond());
    return i >= 0 ? i : -i - 1;
  }
}
