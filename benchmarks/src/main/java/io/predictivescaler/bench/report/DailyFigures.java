package io.predictivescaler.bench.report;

import io.predictivescaler.bench.sim.Scenario;
import io.predictivescaler.bench.sim.SimulationResult;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's overload minutes and replica-hours per UTC day, as the run's totals count them: where in
 * a long replay one strategy gained or lost against another. The days sum to the totals.
 */
final class DailyFigures {

  private DailyFigures() {}

  /**
   * One entry per UTC day the replay touches: {@code day}, {@code overloadMinutes}, {@code
   * replicaHours}.
   */
  static List<Map<String, Object>> json(SimulationResult run) {
    Scenario scenario = run.scenario();
    double[] load = scenario.load();
    double stepHours = scenario.stepSeconds() / 3600.0;
    double stepMinutes = scenario.stepSeconds() / 60.0;
    List<Map<String, Object>> days = new ArrayList<>();
    LocalDate current = null;
    int overloadTicks = 0;
    long replicaTicks = 0;
    for (int i = 0; i < load.length; i++) {
      LocalDate day =
          scenario
              .start()
              .plusSeconds((long) i * scenario.stepSeconds())
              .atZone(ZoneOffset.UTC)
              .toLocalDate();
      if (!day.equals(current)) {
        if (current != null) {
          days.add(entry(current, overloadTicks * stepMinutes, replicaTicks * stepHours));
        }
        current = day;
        overloadTicks = 0;
        replicaTicks = 0;
      }
      if (scenario.overloaded(load[i], run.ready()[i])) {
        overloadTicks++;
      }
      replicaTicks += run.replicas()[i];
    }
    if (current != null) {
      days.add(entry(current, overloadTicks * stepMinutes, replicaTicks * stepHours));
    }
    return days;
  }

  private static Map<String, Object> entry(LocalDate day, double overload, double replicaHours) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("day", day.toString());
    entry.put("overloadMinutes", Math.round(overload * 100) / 100.0);
    entry.put("replicaHours", Math.round(replicaHours * 1000) / 1000.0);
    return entry;
  }
}
