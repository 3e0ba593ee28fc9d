package io.predictivescaler.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DownsamplerTest {

  @Test
  void keepsAShortRangeTickByTick() {
    double[] values = {3, 1, 4, 1, 5, 9, 2};

    Downsampler downsampler = new Downsampler(2, 5, 10);

    assertThat(downsampler.ticks()).containsExactly(2, 3, 4, 5);
    assertThat(downsampler.minMax(values)).containsExactly(4, 1, 5, 9);
    assertThat(downsampler.high(values)).containsExactly(4, 1, 5, 9);
  }

  @Test
  void longSeriesFitsTheBudgetAndKeepsSpikesInTimeOrder() {
    Random random = new Random(7);
    double[] values = new double[172_800];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble();
    }
    values[123_457] = 50;
    values[98_765] = -50;

    Downsampler downsampler = new Downsampler(0, values.length - 1, 2000);
    double[] kept = downsampler.minMax(values);

    assertThat(downsampler.size()).isLessThanOrEqualTo(2000);
    assertThat(kept).hasSize(downsampler.size()).contains(50.0, -50.0);
    assertThat(downsampler.ticks()).isSorted();
    assertThat(Arrays.stream(kept).max().orElseThrow()).isEqualTo(50);
  }

  @Test
  void bandEdgesContainTheRealBand() {
    double[] low = {5, 1, 5, 5, 5, 5, 5, 5};
    double[] high = {6, 6, 6, 6, 6, 9, 6, 6};

    Downsampler downsampler = new Downsampler(0, 7, 4);

    assertThat(downsampler.low(low)).containsExactly(1, 1, 5, 5);
    assertThat(downsampler.high(high)).containsExactly(6, 6, 9, 9);
  }

  @Test
  void aBucketOfGapsIsAGap() {
    double[] values = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1, 2, 3, 4};

    Downsampler downsampler = new Downsampler(0, 7, 4);

    assertThat(downsampler.minMax(values)).containsExactly(Double.NaN, Double.NaN, 1, 4);
    assertThat(downsampler.low(values)[0]).isNaN();
  }
}
