package io.predictivescaler.bench.replay;

import io.predictivescaler.bench.sim.SimulationResult;
import io.predictivescaler.bench.strategy.StrategyFactory;
import io.predictivescaler.bench.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A trace's whole windows of some days, each replayed on its own through {@code hpa} and {@code
 * predictive}: how the scaler does from a cold start (its first day the proving day, the
 * counterfactual choice resting on what the window has shown so far), where a whole-trace replay
 * has days of history behind most choices. A window starts at every UTC midnight and is kept when
 * the trace covers it whole: a first point within one step after the midnight, a last point within
 * one step before the window's end.
 */
public final class ReplayWindows {

  /** The longest window, in days. */
  public static final int MAX_DAYS = 60;

  private static final long DAY = Duration.ofDays(1).getSeconds();

  private final StrategyFactory strategies;
  private final int threads;

  /**
   * @param threads windows replayed at once
   */
  public ReplayWindows(StrategyFactory strategies, int threads) {
    this.strategies = Objects.requireNonNull(strategies, "strategies");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
  }

  /** The whole windows of {@code days} days in {@code trace}, oldest first; empty if none fits. */
  public static List<Trace> split(Trace trace, int days) {
    return windows(trace, days).stream().map(Window::trace).toList();
  }

  private static List<Window> windows(Trace trace, int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException(
          "days must be between 1 and " + MAX_DAYS + ", got " + days);
    }
    long[] times = trace.epochSeconds();
    long step = trace.step().getSeconds();
    long last = times[times.length - 1];
    List<Window> windows = new ArrayList<>();
    for (long start = Math.floorDiv(times[0], DAY) * DAY;
        last >= start + days * DAY - step;
        start += DAY) {
      int from = firstAtOrAfter(times, start);
      int to = firstAtOrAfter(times, start + days * DAY);
      if (to - from < 2 || times[from] >= start + step) {
        continue;
      }
      Instant midnight = Instant.ofEpochSecond(start);
      windows.add(
          new Window(
              midnight,
              new Trace(
                  trace.name() + "@" + midnight.toString().substring(0, 10),
                  Arrays.copyOfRange(times, from, to),
                  Arrays.copyOfRange(trace.values(), from, to),
                  trace.sourceInterval(),
                  0)));
    }
    return windows;
  }

  /**
   * Replays every whole window of {@code days} days at {@code settings} (hpa and predictive only,
   * no sweep), oldest first; {@code progress} hears of each window done, counted in windows.
   */
  public List<WindowOutcome> run(
      Trace trace, ReplaySettings settings, int days, ReplayProgress progress) {
    List<Window> windows = windows(trace, days);
    ReplaySettings each = settings.forWindows();
    ReplayRunner runner = new ReplayRunner(strategies, SweepKnobs.defaults(), 1);
    ExecutorService pool = Executors.newFixedThreadPool(threads, new ReplayRunner.DaemonThreads());
    try {
      List<Future<WindowOutcome>> runs = new ArrayList<>();
      int[] done = {0};
      for (Window window : windows) {
        runs.add(
            pool.submit(
                () -> {
                  WindowOutcome outcome =
                      outcome(
                          runner.run(window.trace(), each, ReplayProgress.NONE),
                          window.start(),
                          days);
                  synchronized (done) {
                    done[0]++;
                    progress.update(window.trace().name(), done[0], windows.size());
                  }
                  return outcome;
                }));
      }
      List<WindowOutcome> outcomes = new ArrayList<>();
      for (Future<WindowOutcome> run : runs) {
        outcomes.add(ReplayRunner.join(run));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private static WindowOutcome outcome(ReplayResult result, Instant start, int days) {
    SimulationResult hpa = result.runs().get(StrategyFactory.HPA);
    SimulationResult predictive = result.runs().get(StrategyFactory.PREDICTIVE);
    if (hpa == null || predictive == null) {
      throw new IllegalStateException(
          "windows need both hpa and predictive; this build skipped " + result.skipped());
    }
    return new WindowOutcome(
        start, start.plus(Duration.ofDays(days)), hpa.metrics(), predictive.metrics());
  }

  /** A whole window and the UTC midnight it starts at. */
  private record Window(Instant start, Trace trace) {}

  private static int firstAtOrAfter(long[] times, long t) {
    int i = Arrays.binarySearch(times, t);
    return i >= 0 ? i : -i - 1;
  }
}
