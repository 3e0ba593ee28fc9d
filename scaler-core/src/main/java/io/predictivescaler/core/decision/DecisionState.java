package io.predictivescaler.core.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What one workload's pipeline remembers between ticks: recent recommendations (for stabilization)
 * and recent scale events (for rate policies). Each recommendation is kept twice: as decided, which
 * the scale-up window reads, and without the forecast's part, which the scale-down window reads
 * (the forecast sizes for the peak over the lead window ahead, so holding it as well would cover
 * that window twice). Immutable; each decision returns the next state. Entries older than the
 * policy's longest window or period are dropped, and at most {@value #MAX_ENTRIES} of each kind are
 * kept, so the size is bounded by window / tick.
 *
 * <p>It also remembers since when no metric could be used, for the fallback ({@link Fallback}).
 *
 * <p>Start a workload with {@link #initial()}: like the HPA after a restart, the first decision
 * records the current replica count as a recommendation, so nothing scales down for one scale-down
 * window.
 */
public final class DecisionState {

  /** Hard bound per list, whatever the tick rate (a 1 h window at 1 s ticks fits). */
  public static final int MAX_ENTRIES = 4096;

  /** {@link #unavailableSince} while the last decision had a usable metric. */
  private static final long AVAILABLE = Long.MIN_VALUE;

  private static final long[] NO_TIMES = new long[0];
  private static final int[] NO_VALUES = new int[0];
  private static final DecisionState INITIAL =
      new DecisionState(
          false, NO_TIMES, NO_VALUES, NO_VALUES, NO_TIMES, NO_VALUES, NO_TIMES, NO_VALUES,
          AVAILABLE);
  private static final DecisionState EMPTY =
      new DecisionState(
          true, NO_TIMES, NO_VALUES, NO_VALUES, NO_TIMES, NO_VALUES, NO_TIMES, NO_VALUES,
          AVAILABLE);

  private final boolean initialized;
  private final long[] recommendationAt;
  private final int[] recommendation;
  private final int[] reactive;
  private final long[] upAt;
  private final int[] upChange;
  private final long[] downAt;
  private final int[] downChange;
  private final long unavailableSince;

  private DecisionState(
      boolean initialized,
      long[] recommendationAt,
      int[] recommendation,
      int[] reactive,
      long[] upAt,
      int[] upChange,
      long[] downAt,
      int[] downChange,
      long unavailableSince) {
    this.initialized = initialized;
    this.recommendationAt = recommendationAt;
    this.recommendation = recommendation;
    this.reactive = reactive;
    this.upAt = upAt;
    this.upChange = upChange;
    this.downAt = downAt;
    this.downChange = downChange;
    this.unavailableSince = unavailableSince;
  }

  /** A workload never decided before: the first decision seeds it with the current replicas. */
  public static DecisionState initial() {
    return INITIAL;
  }

  /** No history at all, and no seeding (the HPA tests' "empty recommendations"). */
  public static DecisionState empty() {
    return EMPTY;
  }

  /**
   * A state restored from its parts, e.g. after a leader change. The recommendations' forecast part
   * is not known, so the scale-down window holds them whole.
   */
  public static DecisionState of(
      List<TimedRecommendation> recommendations,
      List<ScaleEvent> scaleUpEvents,
      List<ScaleEvent> scaleDownEvents) {
    long[] recAt = new long[recommendations.size()];
    int[] rec = new int[recAt.length];
    for (int i = 0; i < recAt.length; i++) {
      recAt[i] = recommendations.get(i).at().toEpochMilli();
      rec[i] = recommendations.get(i).replicas();
    }
    long[] uAt = times(scaleUpEvents);
    long[] dAt = times(scaleDownEvents);
    return new DecisionState(
        true,
        recAt,
        rec,
        rec.clone(),
        uAt,
        changes(scaleUpEvents),
        dAt,
        changes(scaleDownEvents),
        AVAILABLE);
  }

  public boolean initialized() {
    return initialized;
  }

  public List<TimedRecommendation> recommendations() {
    List<TimedRecommendation> out = new ArrayList<>(recommendation.length);
    for (int i = 0; i < recommendation.length; i++) {
      out.add(
          new TimedRecommendation(Instant.ofEpochMilli(recommendationAt[i]), recommendation[i]));
    }
    return Collections.unmodifiableList(out);
  }

  public List<ScaleEvent> scaleUpEvents() {
    return events(upAt, upChange);
  }

  public List<ScaleEvent> scaleDownEvents() {
    return events(downAt, downChange);
  }

  /**
   * Since when no metric could be used: the time of the first of the decisions in a row that had
   * none; empty when the last decision had one.
   */
  public Optional<Instant> metricsUnavailableSince() {
    return unavailableSince == AVAILABLE
        ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(unavailableSince));
  }

  /** The same state, noting that a decision at {@code nowMillis} had no usable metric. */
  DecisionState withMetricsUnavailableAt(long nowMillis) {
    return unavailableSince != AVAILABLE ? this : withUnavailableSince(nowMillis);
  }

  /** The same state, noting that the decision had a usable metric. */
  DecisionState withMetricsAvailable() {
    return unavailableSince == AVAILABLE ? this : withUnavailableSince(AVAILABLE);
  }

  private DecisionState withUnavailableSince(long since) {
    return new DecisionState(
        initialized,
        recommendationAt,
        recommendation,
        reactive,
        upAt,
        upChange,
        downAt,
        downChange,
        since);
  }

  /** Milliseconds since no metric could be used, at {@code nowMillis}; 0 when one could. */
  long millisWithoutMetrics(long nowMillis) {
    return unavailableSince == AVAILABLE ? 0 : nowMillis - unavailableSince;
  }

  DecisionState withInitialRecommendation(long nowMillis, int replicas) {
    return new DecisionState(
        true,
        append(recommendationAt, nowMillis),
        append(recommendation, replicas),
        append(reactive, replicas),
        upAt,
        upChange,
        downAt,
        downChange,
        unavailableSince);
  }

  /** Lowest of {@code seed} and the recommendations made strictly after {@code cutoffMillis}. */
  int lowestRecommendationAfter(long cutoffMillis, int seed) {
    int lowest = seed;
    for (int i = 0; i < recommendation.length; i++) {
      if (recommendationAt[i] > cutoffMillis && recommendation[i] < lowest) {
        lowest = recommendation[i];
      }
    }
    return lowest;
  }

  /** Highest of {@code seed} and the recommendations made strictly after {@code cutoffMillis}. */
  int highestRecommendationAfter(long cutoffMillis, int seed) {
    return highestAfter(recommendation, cutoffMillis, seed);
  }

  /**
   * Highest of {@code seed} and the recommendations made strictly after {@code cutoffMillis}
   * without their forecast part.
   */
  int highestReactiveAfter(long cutoffMillis, int seed) {
    return highestAfter(reactive, cutoffMillis, seed);
  }

  private int highestAfter(int[] values, long cutoffMillis, int seed) {
    int highest = seed;
    for (int i = 0; i < values.length; i++) {
      if (recommendationAt[i] > cutoffMillis && values[i] > highest) {
        highest = values[i];
      }
    }
    return highest;
  }

  /** Pods added by scale events strictly after {@code cutoffMillis}. */
  long addedAfter(long cutoffMillis) {
    return sumAfter(upAt, upChange, cutoffMillis);
  }

  /** Pods removed by scale events strictly after {@code cutoffMillis}. */
  long removedAfter(long cutoffMillis) {
    return sumAfter(downAt, downChange, cutoffMillis);
  }

  /**
   * The state after a tick at {@code nowMillis}: optionally records a recommendation (and the same
   * without its forecast part), records a scale event when {@code scaleChange != 0}, and drops
   * entries at or before the cutoffs.
   */
  DecisionState next(
      long nowMillis,
      boolean record,
      int newRecommendation,
      int newReactive,
      long recommendationCutoff,
      int scaleChange,
      long eventCutoff) {
    int keptRecs = countAfter(recommendationAt, recommendationCutoff);
    long[] recAt = new long[Math.min(MAX_ENTRIES, keptRecs + (record ? 1 : 0))];
    int[] rec = new int[recAt.length];
    int[] react = new int[recAt.length];
    fill(recommendationAt, recommendation, recommendationCutoff, recAt, rec);
    fill(recommendationAt, reactive, recommendationCutoff, null, react);
    if (record) {
      recAt[recAt.length - 1] = nowMillis;
      rec[rec.length - 1] = newRecommendation;
      react[react.length - 1] = newReactive;
    }
    long[] uAt = upAt;
    int[] uChange = upChange;
    long[] dAt = downAt;
    int[] dChange = downChange;
    if (scaleChange != 0 || countAfter(upAt, eventCutoff) != upAt.length) {
      int extra = scaleChange > 0 ? 1 : 0;
      uAt = new long[Math.min(MAX_ENTRIES, countAfter(upAt, eventCutoff) + extra)];
      uChange = new int[uAt.length];
      fill(upAt, upChange, eventCutoff, uAt, uChange);
      if (extra == 1) {
        uAt[uAt.length - 1] = nowMillis;
        uChange[uChange.length - 1] = scaleChange;
      }
    }
    if (scaleChange != 0 || countAfter(downAt, eventCutoff) != downAt.length) {
      int extra = scaleChange < 0 ? 1 : 0;
      dAt = new long[Math.min(MAX_ENTRIES, countAfter(downAt, eventCutoff) + extra)];
      dChange = new int[dAt.length];
      fill(downAt, downChange, eventCutoff, dAt, dChange);
      if (extra == 1) {
        dAt[dAt.length - 1] = nowMillis;
        dChange[dChange.length - 1] = -scaleChange;
      }
    }
    return new DecisionState(true, recAt, rec, react, uAt, uChange, dAt, dChange, unavailableSince);
  }

  /**
   * The same state with a scale of {@code change} pods (non-zero; the sign says the direction)
   * applied at {@code atMillis}. Keeps the newest {@value #MAX_ENTRIES} events of each kind.
   */
  DecisionState withScaleEvent(long atMillis, int change) {
    if (change > 0) {
      return new DecisionState(
          true,
          recommendationAt,
          recommendation,
          reactive,
          appendBounded(upAt, atMillis),
          appendBounded(upChange, change),
          downAt,
          downChange,
          unavailableSince);
    }
    if (change < 0) {
      return new DecisionState(
          true,
          recommendationAt,
          recommendation,
          reactive,
          upAt,
          upChange,
          appendBounded(downAt, atMillis),
          appendBounded(downChange, -change),
          unavailableSince);
    }
    throw new IllegalArgumentException("a scale event needs a non-zero change, got 0");
  }

  /** Recommendations plus scale events held. */
  public int size() {
    return recommendation.length + upChange.length + downChange.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecisionState s
        && initialized == s.initialized
        && Arrays.equals(recommendationAt, s.recommendationAt)
        && Arrays.equals(recommendation, s.recommendation)
        && Arrays.equals(reactive, s.reactive)
        && Arrays.equals(upAt, s.upAt)
        && Arrays.equals(upChange, s.upChange)
        && Arrays.equals(downAt, s.downAt)
        && Arrays.equals(downChange, s.downChange)
        && unavailableSince == s.unavailableSince;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(recommendationAt) * 31 + Arrays.hashCode(upAt) * 7 + downAt.length;
  }

  @Override
  public String toString() {
    return "DecisionState[initialized="
        + initialized
        + ", recommendations="
        + recommendations()
        + ", scaleUpEvents="
        + scaleUpEvents()
        + ", scaleDownEvents="
        + scaleDownEvents()
        + metricsUnavailableSince().map(t -> ", metricsUnavailableSince=" + t).orElse("")
        + "]";
  }

  private static int countAfter(long[] at, long cutoff) {
    int n = 0;
    for (long t : at) {
      if (t > cutoff) {
        n++;
      }
    }
    return n;
  }

  /**
   * Copies the newest entries after {@code cutoff} into the front of the targets, in order; the
   * times only when {@code toAt} is not null (a second value array kept at the same times).
   */
  private static void fill(long[] at, int[] value, long cutoff, long[] toAt, int[] toValue) {
    int room = toValue.length;
    int kept = countAfter(at, cutoff);
    int skip = Math.max(0, kept - room);
    int j = 0;
    for (int i = 0; i < at.length && j < room; i++) {
      if (at[i] > cutoff) {
        if (skip > 0) {
          skip--;
          continue;
        }
        if (toAt != null) {
          toAt[j] = at[i];
        }
        toValue[j] = value[i];
        j++;
      }
    }
  }

  private static long sumAfter(long[] at, int[] change, long cutoff) {
    long sum = 0;
    for (int i = 0; i < at.length; i++) {
      if (at[i] > cutoff) {
        sum += change[i];
      }
    }
    return sum;
  }

  private static long[] append(long[] values, long value) {
    long[] out = Arrays.copyOf(values, values.length + 1);
    out[values.length] = value;
    return out;
  }

  private static int[] append(int[] values, int value) {
    int[] out = Arrays.copyOf(values, values.length + 1);
    out[values.length] = value;
    return out;
  }

  private static long[] appendBounded(long[] values, long value) {
    long[] kept =
        values.length < MAX_ENTRIES ? values : Arrays.copyOfRange(values, 1, values.length);
    return append(kept, value);
  }

  private static int[] appendBounded(int[] values, int value) {
    int[] kept =
        values.length < MAX_ENTRIES ? values : Arrays.copyOfRange(values, 1, values.length);
    return append(kept, value);
  }

  private static long[] times(List<ScaleEvent> events) {
    long[] at = new long[events.size()];
    for (int i = 0; i < at.length; i++) {
      at[i] = events.get(i).at().toEpochMilli();
    }
    return at;
  }

  private static int[] changes(List<ScaleEvent> events) {
    int[] change = new int[events.size()];
    for (int i = 0; i < change.length; i++) {
      change[i] = events.get(i).replicaChange();
    }
    return change;
  }

  private static List<ScaleEvent> events(long[] at, int[] change) {
    List<ScaleEvent> out = new ArrayList<>(at.length);
    for (int i = 0; i < at.length; i++) {
      out.add(new ScaleEvent(Instant.ofEpochMilli(at[i]), change[i]));
    }
    return Collections.unmodifiableList(out);
  }
}
