package io.predictivescaler.core.tick;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Measures how long a workload takes from asking for more replicas to having them Ready, from what
 * each tick sees of the target (desired and ready replicas), and answers a robust percentile of the
 * recent measurements. Until {@value #MIN_SAMPLES} scale-ups were measured it answers the fallback.
 * After a restart it starts from the start-up times of the workload's current pods ({@link
 * #record}). Pure: time comes from the ticks.
 */
public final class LeadTimeEstimator {

  static final int MIN_SAMPLES = 3;

  /** How many measurements the percentile is taken over, the newest. */
  public static final int KEPT_SAMPLES = 20;

  private static final int MAX_PENDING = 16;
  private static final double PERCENTILE = 0.9;

  private final Duration fallback;
  private final Deque<long[]> pending = new ArrayDeque<>();
  private final long[] samples = new long[KEPT_SAMPLES];
  private int sampleCount;
  private int next;
  private int lastDesired = -1;
  private long lastSeenMillis;

  public LeadTimeEstimator(Duration fallback) {
    if (fallback == null || fallback.isNegative() || fallback.isZero()) {
      throw new IllegalArgumentException("fallback must be > 0, got " + fallback);
    }
    this.fallback = fallback;
  }

  /**
   * Feeds one tick's view of the workload. A rise of the desired count is counted from the previous
   * tick: it was asked for after that tick saw the target, most often by that tick's own decision,
   * and a tick sees it only on the next one. Counting from the tick that sees it measured one step
   * short of the time the pods really took.
   */
  public void observe(Instant now, int desiredReplicas, int readyReplicas) {
    long nowMillis = now.toEpochMilli();
    if (lastDesired >= 0 && desiredReplicas > lastDesired && desiredReplicas > readyReplicas) {
      if (pending.size() == MAX_PENDING) {
        pending.removeFirst();
      }
      pending.addLast(new long[] {lastSeenMillis, desiredReplicas});
    }
    pending.removeIf(p -> p[1] > desiredReplicas);
    while (!pending.isEmpty() && readyReplicas >= pending.peekFirst()[1]) {
      record(nowMillis - pending.removeFirst()[0]);
    }
    lastDesired = desiredReplicas;
    lastSeenMillis = nowMillis;
  }

  /**
   * Takes measurements made elsewhere, e.g. the start-up times of the pods the workload runs now,
   * read when the scaler starts: oldest first, so the newest are the ones kept.
   *
   * @throws IllegalArgumentException when a duration is negative
   */
  public void record(List<Duration> measured) {
    for (Duration d : measured) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("a lead time must be >= 0, got " + d);
      }
      record(d.toMillis());
    }
  }

  /** The lead time to plan with: the 90th percentile of recent measurements, or the fallback. */
  public Duration leadTime() {
    if (sampleCount < MIN_SAMPLES) {
      return fallback;
    }
    long[] sorted = Arrays.copyOf(samples, sampleCount);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(PERCENTILE * sorted.length) - 1;
    return Duration.ofMillis(sorted[Math.max(0, rank)]);
  }

  /** Scale-ups measured so far (capped at the number kept). */
  public int measurements() {
    return sampleCount;
  }

  private void record(long millis) {
    samples[next] = millis;
    next = (next + 1) % KEPT_SAMPLES;
    sampleCount = Math.min(KEPT_SAMPLES, sampleCount + 1);
  }
}
