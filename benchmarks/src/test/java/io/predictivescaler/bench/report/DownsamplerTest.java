package io.predictivescaler.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DownsamplerTest {

  @Test
  void keepsShortSeriesAsTheyAre() {
    double[] values = {3, 1, 4, 1, 5};

    Downsampler.Points points = Downsampler.minMax(values, 10);

    assertThat(points.y()).containsExactly(values);
    assertThat(points.x()).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void longSeriesFitsTheBudgetAndKeepsSpikes() {
    Random random = new Random(7);
    double[] values = new double[172_800];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble();
    }
    values[123_457] = 50;
    values[98_765] = -50;

    Downsampler.Points points = Downsampler.minMax(values, 2000);

    assertThat(points.size()).isLessThanOrEqualTo(2000);
    assertThat(Arrays.stream(points.y()).max().getAsDouble()).isEqualTo(50);
    assertThat(Arrays.stream(points.y()).min().getAsDouble()).isEqualTo(-50);
    for (int i = 1; i < points.size(); i++) {
      assertThat(points.x()[i]).isGreaterThan(points.x()[i - 1]);
    }
  }

  @Test
  void bucketOfGapsBreaksTheLine() {
    double[] values = new double[100];
    Arrays.fill(values, 1);
    Arrays.fill(values, 40, 60, Double.NaN);

    Downsampler.Points points = Downsampler.minMax(values, 20);

    assertThat(Arrays.stream(points.y()).filter(Double::isNaN).count()).isGreaterThan(0);
  }

  @Test
  void envelopeHoldsTheExtremesOfEachBucket() {
    double[] low = new double[1000];
    double[] high = new double[1000];
    for (int i = 0; i < 1000; i++) {
      low[i] = -i;
      high[i] = i;
    }

    Downsampler.Envelope envelope = Downsampler.envelope(low, high, 10);

    assertThat(envelope.size()).isEqualTo(10);
    assertThat(envelope.high()[0]).isEqualTo(99);
    assertThat(envelope.low()[9]).isEqualTo(-999);
  }
}
