package io.predictivescaler.bench.report;

import io.predictivescaler.bench.sim.Scenario;
import io.predictivescaler.bench.sim.SimulationResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's overload minutes and replica-hours per UTC day, as the run's totals count them: where in
 * a long replay one strategy gained or lost against another. The days sum to the totals.
 *
 * @param day the UTC day
 * @param overloadMinutes minutes of that day in which load exceeded Ready capacity
 * @param replicaHours the integral of replicas over that day
 */
record DailyFigures(LocalDate day, double overloadMinutes, double replicaHours) {

  private static final long SECONDS_PER_DAY = 86_400;

  /** One entry per UTC day the replay touches, oldest first. */
  static List<DailyFigures> of(SimulationResult run) {
    Scenario scenario = run.scenario();
    double[] load = scenario.load();
    List<DailyFigures> days = new ArrayList<>();
    if (load.length == 0) {
      return days;
    }
    long start = scenario.start().getEpochSecond();
    long step = scenario.stepSeconds();
    long firstDay = Math.floorDiv(start, SECONDS_PER_DAY);
    long lastDay = Math.floorDiv(start + (load.length - 1) * step, SECONDS_PER_DAY);
    int[] overloadTicks = new int[(int) (lastDay - firstDay + 1)];
    long[] replicaTicks = new long[overloadTicks.length];
    for (int i = 0; i < load.length; i++) {
      int d = (int) (Math.floorDiv(start + i * step, SECONDS_PER_DAY) - firstDay);
      if (scenario.overloaded(load[i], run.ready()[i])) {
        overloadTicks[d]++;
      }
      replicaTicks[d] += run.replicas()[i];
    }
    for (int d = 0; d < overloadTicks.length; d++) {
      days.add(
          new DailyFigures(
              LocalDate.ofEpochDay(firstDay + d),
              overloadTicks[d] * step / 60.0,
              replicaTicks[d] * step / 3600.0));
    }
    return days;
  }

  /** {@code daily} in report.json: {@code day}, {@code overloadMinutes}, {@code replicaHours}. */
  static List<Map<String, Object>> json(SimulationResult run) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (DailyFigures d : of(run)) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("day", d.day().toString());
      entry.put("overloadMinutes", Math.round(d.overloadMinutes() * 100) / 100.0);
      entry.put("replicaHours", Math.round(d.replicaHours() * 1000) / 1000.0);
      out.add(entry);
    }
    return out;
  }
}
