package io.predictivescaler.bench.replay;

import io.predictivescaler.bench.sim.Scenario;
import io.predictivescaler.bench.sim.SimulationResult;
import io.predictivescaler.bench.trace.Trace;
import java.util.List;
import java.util.Map;

/**
 * Everything a replay produced, for the reports.
 *
 * @param trace the trace as loaded (at its own interval)
 * @param scenario the replayed scenario (the trace at the control step, scaled)
 * @param settings the options
 * @param runs each strategy's run, in the order asked for
 * @param sweep the sweep's runs, empty without {@code --sweep}
 * @param skipped strategies asked for that this build cannot run yet
 */
public record ReplayResult(
    Trace trace,
    Scenario scenario,
    ReplaySettings settings,
    Map<String, SimulationResult> runs,
    List<SweepPoint> sweep,
    List<String> skipped) {}
