package io.predictivescaler.core.tick;

import io.predictivescaler.collector.window.WindowSnapshot;
import io.predictivescaler.core.config.PrometheusMetric;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.decision.MetricInput;
import io.predictivescaler.core.decision.TotalMetric;
import io.predictivescaler.core.decision.UnavailableMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Builds a Prometheus metric's observation from its load window: the newest sample is the metric
 * (AverageValue targets of {@code targetPerReplica} and, for reactive-only decisions, {@code
 * reactiveTargetPerReplica}; the decision pipeline picks one), unless it is missing or older than
 * {@value #STALE_STEPS} steps, in which case the metric is unavailable for this tick and the
 * pipeline does not scale down on it. Shared by the service and replays so both read a window the
 * same way.
 *
 * <p>A window whose newest slot (a sample or a gap the collector recorded) lies after {@code now}
 * can only mean that the wall clock stepped back since, by an amount nothing here knows: the ages
 * of its samples are unknown, so the metric is treated like a stale one rather than as fresh.
 * Judging by the newest sample alone is not enough: after an outage longer than the step back, that
 * sample lies before the new time and would look younger than it is by the size of the step. The
 * collector moves its window to the new time at its next slot, after which ages are measured again.
 */
public final class WindowObservation {

  static final int STALE_STEPS = 5;

  private WindowObservation() {}

  /** The observation of a workload with one Prometheus metric (replays, tests). */
  public static WorkloadObservation of(
      WorkloadPolicy policy,
      int currentReplicas,
      int readyReplicas,
      WindowSnapshot window,
      Instant now) {
    if (policy.metrics().size() != 1 || !(policy.metric() instanceof PrometheusMetric metric)) {
      throw new IllegalArgumentException(
          "a window observation needs one prometheus metric, got " + policy.metrics());
    }
    return new WorkloadObservation(
        currentReplicas, readyReplicas, List.of(of(metric, policy.step(), window, now)));
  }

  /** One Prometheus metric of a workload, from its window. */
  public static MetricObservation of(
      PrometheusMetric metric, Duration step, WindowSnapshot window, Instant now) {
    double latest = Double.NaN;
    Instant newest = null;
    float[] values = window.values();
    for (int i = values.length - 1; i >= 0; i--) {
      if (!Float.isNaN(values[i])) {
        latest = values[i];
        newest = slotStart(window, i);
        break;
      }
    }
    String name = metric.name();
    Instant newestSlot = values.length == 0 ? null : slotStart(window, values.length - 1);
    MetricInput input;
    if (newest == null) {
      input = new UnavailableMetric(name, "no sample in the window yet");
    } else if (newestSlot.isAfter(now)) {
      input =
          new UnavailableMetric(
              name,
              "the window's newest slot is stamped "
                  + newestSlot
                  + ", after now ("
                  + now
                  + "): the clock stepped back, so its newest sample's age is unknown");
      latest = Double.NaN;
    } else if (Duration.between(newest, now).compareTo(times(step, STALE_STEPS)) > 0) {
      input =
          new UnavailableMetric(
              name, "newest sample is from " + newest + ", older than " + STALE_STEPS + " steps");
      latest = Double.NaN;
    } else {
      input =
          TotalMetric.averageValue(
              name, metric.targetPerReplica(), metric.reactiveTargetPerReplica(), latest);
    }
    return new MetricObservation(input, latest, WindowSeries.of(window));
  }

  /**
   * {@code window.time(i)} without {@link Duration#multipliedBy}, which goes through BigDecimal and
   * was ~8 % of the tick's CPU in the scale harness; the same instant.
   */
  private static Instant slotStart(WindowSnapshot window, int i) {
    return window.start().plus(times(window.step(), i));
  }

  /** {@code d * n} for the small non-negative factors used here, without BigDecimal. */
  private static Duration times(Duration d, long n) {
    return Duration.ofSeconds(Math.multiplyExact(d.getSeconds(), n), (long) d.getNano() * n);
  }
}
