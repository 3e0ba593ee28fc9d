package io.predictivescaler.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.core.counterfactual.RiskChooser;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RepickSampleTest {

  @Test
  void timesEveryWorkloadsReplaysOfAFullDay() {
    int workloads = 2;

    RepickSample.Result result = RepickSample.measure(workloads, Duration.ofSeconds(15), 42);

    // re-picks every interval from the first, in the last bucket before 2 h: those in the last
    // eight hours replay a full day
    long fullDayHours = RepickSample.RUN.toHours() - 24;
    long perWorkload = fullDayHours / RiskChooser.REPICK_INTERVAL.toHours();
    assertThat(perWorkload).isGreaterThan(1);
    assertThat(result.repicks()).isEqualTo(perWorkload * workloads);
    assertThat(result.repickMillis()).isPositive().isFinite();
  }
}
