package io.predictivescaler.core.counterfactual;

/**
 * Tallies what really ran and what the shadow HPA had, tick by tick, until a re-pick takes the
 * tally ({@link #drain}). Replica-hours accrue from each tick's replicas until the next tick;
 * overload is scored per load sample when it arrives (after the metric delay), against what was
 * Ready at the sample's time. Pure: time is the caller's.
 */
public final class OutcomeLedger {

  /** Ticks remembered to find what was Ready when a late sample was taken. */
  public static final int TICKS_KEPT = 64;

  private final long[] tickAt = new long[TICKS_KEPT];
  private final int[] readyAt = new int[TICKS_KEPT];
  private final int[] shadowReadyAt = new int[TICKS_KEPT];
  private int ticks;
  private long lastTick = Long.MIN_VALUE;
  private int lastReplicas;
  private int lastShadowReplicas;
  private long lastSample = Long.MIN_VALUE;
  private double overloadMinutes;
  private double replicaSeconds;
  private double shadowOverloadMinutes;
  private double shadowReplicaSeconds;

  /** Records one tick's replicas, the workload's and the shadow's; ticks must not go back. */
  public void tick(long epochSecond, int replicas, int ready, int shadowReplicas, int shadowReady) {
    if (lastTick != Long.MIN_VALUE) {
      if (epochSecond < lastTick) {
        return;
      }
      long held = epochSecond - lastTick;
      replicaSeconds += (double) lastReplicas * held;
      shadowReplicaSeconds += (double) lastShadowReplicas * held;
    }
    int slot = ticks % TICKS_KEPT;
    tickAt[slot] = epochSecond;
    readyAt[slot] = ready;
    shadowReadyAt[slot] = shadowReady;
    ticks++;
    lastTick = epochSecond;
    lastReplicas = replicas;
    lastShadowReplicas = shadowReplicas;
  }

  /**
   * Scores one load sample against what was Ready when it was taken: a sample older than the newest
   * scored, or older than the ticks remembered, is skipped.
   *
   * @param stepSeconds how long the sample stands for
   * @param targetPerReplica the load one Ready replica serves
   */
  public void sample(long epochSecond, double load, long stepSeconds, double targetPerReplica) {
    if (epochSecond <= lastSample || Double.isNaN(load)) {
      return;
    }
    int at = tickAtOrBefore(epochSecond);
    if (at < 0) {
      return;
    }
    lastSample = epochSecond;
    double minutes = stepSeconds / 60.0;
    if (load > readyAt[at] * targetPerReplica) {
      overloadMinutes += minutes;
    }
    if (load > shadowReadyAt[at] * targetPerReplica) {
      shadowOverloadMinutes += minutes;
    }
  }

  /** The newest sample scored, so the caller can hand over only newer ones. */
  public long lastSample() {
    return lastSample;
  }

  /**
   * Replica-hours the workload ran below the shadow since the previous drain (negative above it),
   * up to the newest tick: what {@link #drain} will report as their difference.
   */
  public double savedReplicaHours() {
    return (shadowReplicaSeconds - replicaSeconds) / 3600;
  }

  /** The tally since the previous drain; starts a new one. */
  public RealizedOutcome drain() {
    RealizedOutcome out =
        new RealizedOutcome(
            overloadMinutes,
            replicaSeconds / 3600,
            shadowOverloadMinutes,
            shadowReplicaSeconds / 3600);
    overloadMinutes = 0;
    replicaSeconds = 0;
    shadowOverloadMinutes = 0;
    shadowReplicaSeconds = 0;
    return out;
  }

  /** The slot of the newest tick at or before {@code epochSecond}; -1 when none is remembered. */
  private int tickAtOrBefore(long epochSecond) {
    int kept = Math.min(ticks, TICKS_KEPT);
    for (int i = 1; i <= kept; i++) {
      int slot = (ticks - i) % TICKS_KEPT;
      if (tickAt[slot] <= epochSecond) {
        return slot;
      }
    }
    return -1;
  }
}
