package io.predictivescaler.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.bench.cli.ReplayCommand;
import io.predictivescaler.bench.sim.SimulationResult;
import io.predictivescaler.bench.strategy.StrategyFactory;
import io.predictivescaler.bench.trace.Trace;
import io.predictivescaler.bench.trace.TraceLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real hpa and predictive over windows of the bundled NASA trace: each window is what a replay
 * of that window alone gives, and starts the service's tick loop cold (its first hours without a
 * calibrated band).
 */
class ColdStartWindowsTest {

  @Test
  void eachWindowIsAColdStartOfTheRealTickLoop() {
    Trace nasa = TraceLoader.loadResource("/traces/nasa_http_jul95_1min.csv");
    Trace threeDays = ReplayWindows.split(nasa, 3).get(0);
    ReplaySettings settings = ReplayCommand.settingsFor("--strategies", "hpa,predictive");

    List<WindowOutcome> outcomes =
        new ReplayWindows(StrategyFactory.defaults(), 2)
            .run(threeDays, settings, 2, ReplayProgress.NONE);

    List<Trace> windows = ReplayWindows.split(threeDays, 2);
    assertThat(outcomes).hasSize(2);
    for (int w = 0; w < windows.size(); w++) {
      ReplayResult alone = ReplayFixtures.replayDefaults(windows.get(w));
      SimulationResult predictive = alone.runs().get(StrategyFactory.PREDICTIVE);
      assertThat(outcomes.get(w).predictive()).isEqualTo(predictive.metrics());
      assertThat(outcomes.get(w).hpa()).isEqualTo(alone.runs().get(StrategyFactory.HPA).metrics());
      assertThat(predictive.reasons()).containsKey("InsufficientHistory");
      assertThat(outcomes.get(w).predictive().overloadMinutes()).isPositive();
    }
  }
}
