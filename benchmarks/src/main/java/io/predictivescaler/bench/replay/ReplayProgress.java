package io.predictivescaler.bench.replay;

/**
 * Told how far a replay has got, over all its runs (main runs and sweep). Runs go in parallel, so
 * calls come from the runner's worker threads, but one at a time and with {@code ticksDone} never
 * going down.
 */
@FunctionalInterface
public interface ReplayProgress {

  ReplayProgress NONE = (run, done, total) -> {};

  /**
   * @param run the run in progress, e.g. {@code hpa} or {@code hpa@0.75}
   * @param ticksDone ticks simulated so far, over all runs
   * @param ticksTotal ticks all runs together simulate
   */
  void update(String run, long ticksDone, long ticksTotal);

  /** The whole percentage done, 100 when there is nothing to do. */
  static int percent(long ticksDone, long ticksTotal) {
    return ticksTotal > 0 ? (int) Math.min(100, ticksDone * 100 / ticksTotal) : 100;
  }
}
