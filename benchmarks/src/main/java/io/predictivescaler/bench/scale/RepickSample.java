package io.predictivescaler.bench.scale;

import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.counterfactual.CounterfactualChoice;
import io.predictivescaler.core.tick.RefitScheduler;
import io.predictivescaler.core.tick.TickListener;
import io.predictivescaler.core.tick.TickOrchestrator;
import io.predictivescaler.core.tick.TickOutcome;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU of a counterfactual re-pick once a whole day of candidates is logged (a re-pick replays
 * the logged day for every candidate, so its cost grows with the log until the log is full): a
 * small fleet runs through one orchestrator on the virtual clock for {@link #RUN}, refits inline
 * and subtracted, and the ticks at which workloads re-picked (a new choice) after the first day are
 * compared with the ticks at which none did.
 */
final class RepickSample {

  /** Past the first day, so that the re-picks of its last eight hours replay a full day. */
  static final Duration RUN = Duration.ofHours(32);

  private static final Duration FULL_LOG = Duration.ofHours(24);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** What was measured: CPU of one re-pick (median over re-pick ticks) and re-picks seen. */
  record Result(double repickMillis, int repicks) {}

  private RepickSample() {}

  static Result measure(int workloads, Duration step, long seed) {
    SyntheticFleet fleet = new SyntheticFleet(workloads, step, ScaleRun.START, seed);
    CpuTimedRefits refits = new CpuTimedRefits(RefitScheduler.inline());
    TickOrchestrator orchestrator =
        new TickOrchestrator(fleet, mode -> fleet, refits, () -> true, TickListener.none());
    orchestrator.applyPolicies(fleet.policies());
    Map<TargetRef, CounterfactualChoice> last = new HashMap<>();
    List<Long> quiet = new ArrayList<>();
    List<long[]> busy = new ArrayList<>();
    Instant fullFrom = ScaleRun.START.plus(FULL_LOG);
    Instant end = ScaleRun.START.plus(RUN);
    for (Instant now = ScaleRun.START; !now.isAfter(end); now = now.plus(step)) {
      fleet.sample(now);
      long refit0 = refits.cpuNanos();
      long c0 = THREADS.getCurrentThreadCpuTime();
      List<TickOutcome> outcomes = orchestrator.tick(now);
      long cpu = THREADS.getCurrentThreadCpuTime() - c0 - (refits.cpuNanos() - refit0);
      int repicked = 0;
      for (TickOutcome outcome : outcomes) {
        if (outcome instanceof TickOutcome.Decided d && d.calibration() != null) {
          CounterfactualChoice choice = d.calibration().choice();
          CounterfactualChoice before = last.put(d.policy().target(), choice);
          if (choice != null && choice != before) {
            repicked++;
          }
        }
      }
      if (repicked == 0) {
        quiet.add(cpu);
      } else if (!now.isBefore(fullFrom)) {
        busy.add(new long[] {cpu, repicked});
      }
    }
    double baseline = ScaleRun.median(quiet.stream().mapToDouble(Long::doubleValue).toArray());
    double[] perRepick = new double[busy.size()];
    int repicks = 0;
    for (int i = 0; i < perRepick.length; i++) {
      perRepick[i] = Math.max(0, busy.get(i)[0] - baseline) / busy.get(i)[1] / 1e6;
      repicks += (int) busy.get(i)[1];
    }
    return new Result(ScaleRun.median(perRepick), repicks);
  }
}
