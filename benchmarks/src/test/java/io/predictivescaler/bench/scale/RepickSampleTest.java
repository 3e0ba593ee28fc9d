package io.predictivescaler.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RepickSampleTest {

  @Test
  void timesEveryWorkloadsReplaysOfAFullDay() {
    int workloads = 2;

    RepickSample.Result result = RepickSample.measure(workloads, Duration.ofSeconds(15), 42);

    // re-picks every 6 h from 2 h on: those at 26 h and 32 h replay a full day
    assertThat(result.repicks()).isEqualTo(2 * workloads);
    assertThat(result.repickMillis()).isPositive().isFinite();
  }
}
