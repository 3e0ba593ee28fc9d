package io.predictivescaler.bench.replay;

import io.predictivescaler.bench.sim.Scenario;
import io.predictivescaler.bench.sim.SimulationResult;
import io.predictivescaler.bench.trace.Trace;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a replay produced, for the reports.
 *
 * @param trace the trace as loaded (at its own interval)
 * @param scenario the replayed scenario (the trace at the control step, scaled)
 * @param settings the options
 * @param runs each strategy's run, in the order asked for
 * @param sweep the sweep's runs, empty without {@code --sweep}
 * @param skipped strategies asked for that this build cannot run yet
 * @param windows the trace's windows each replayed from a cold start, with {@code --windows}
 */
public record ReplayResult(
    Trace trace,
    Scenario scenario,
    ReplaySettings settings,
    Map<String, SimulationResult> runs,
    List<SweepPoint> sweep,
    List<String> skipped,
    Optional<WindowReplays> windows) {

  public ReplayResult {
    Objects.requireNonNull(windows, "windows");
  }

  /** A replay without windows. */
  public ReplayResult(
      Trace trace,
      Scenario scenario,
      ReplaySettings settings,
      Map<String, SimulationResult> runs,
      List<SweepPoint> sweep,
      List<String> skipped) {
    this(trace, scenario, settings, runs, sweep, skipped, Optional.empty());
  }

  /** This replay with {@code replays} as its windows. */
  public ReplayResult withWindows(WindowReplays replays) {
    return new ReplayResult(trace, scenario, settings, runs, sweep, skipped, Optional.of(replays));
  }
}
