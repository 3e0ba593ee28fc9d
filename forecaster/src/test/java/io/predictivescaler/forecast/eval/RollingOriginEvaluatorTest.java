package io.predictivescaler.forecast.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.predictivescaler.forecast.ForecastSettings;
import io.predictivescaler.forecast.RegularSeries;
import io.predictivescaler.forecast.Synthetic;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollingOriginEvaluatorTest {

  @Test
  void scoresAHandCheckableSeries() {
    // y = i mod 2 on a 1-day season of 288 steps: last value is always wrong by 1 at a 1-step
    // horizon, seasonal naive is always right.
    RegularSeries s = Synthetic.series(Duration.ofMinutes(5), 3 * 288, i -> i % 2);
    var settings = ForecastSettings.defaults().withHorizon(Duration.ofMinutes(5));
    var evaluator = new RollingOriginEvaluator(settings, Duration.ofDays(1), Duration.ofDays(2), 1);

    EvaluationReport r = evaluator.evaluate(s, List.of("last-value", "seasonal-naive"), null);

    assertThat(r.origins()).isEqualTo(288 - 1);
    assertThat(r.horizonSeconds()).isEqualTo(300);
    assertThat(r.models().get("last-value").mae()).isCloseTo(1.0, within(1e-9));
    assertThat(r.models().get("last-value").smape()).isCloseTo(200.0, within(1e-9));
    assertThat(r.models().get("seasonal-naive").mae()).isCloseTo(0.0, within(1e-9));
    assertThat(r.models().get("seasonal-naive").mase()).isNaN();
    // each point's two nearest neighbours are 1 - y, the next two y: the mean of four is 0.5 off;
    // the last but one point has one neighbour after it: the mean of three is 2/3 off
    assertThat(r.noiseFloor().halfWidth()).isEqualTo(2);
    assertThat(r.noiseFloor().mae()).isCloseTo((285 * 0.5 + 2.0 / 3) / 286, within(1e-9));
    // all but the series' last point, which has no neighbour after it
    assertThat(r.noiseFloor().points()).isEqualTo(r.origins() - 1);
  }

  @Test
  void rejectsASeriesShorterThanTheWarmUp() {
    RegularSeries s = Synthetic.series(Duration.ofMinutes(5), 100, i -> 1);
    var evaluator = RollingOriginEvaluator.service(ForecastSettings.defaults());

    assertThatThrownBy(() -> evaluator.evaluate(s, List.of("last-value"), null))
        .hasMessageContaining("series: 100 points");
  }

  @Test
  void autoBeatsLastValueOnARealTrace() throws Exception {
    RegularSeries s = load("/traces/aws_rds_cpu_5min.csv");
    var settings =
        ForecastSettings.defaults()
            .withHorizon(Duration.ofMinutes(15))
            .withRefitInterval(Duration.ofHours(2));
    var evaluator = new RollingOriginEvaluator(settings, Duration.ofDays(1), Duration.ofDays(2), 2);

    EvaluationReport r = evaluator.evaluate(s, List.of("auto", "last-value"), null);

    assertThat(r.models().get("auto").mae()).isLessThan(0.9 * r.models().get("last-value").mae());
  }

  private static RegularSeries load(String resource) throws Exception {
    var fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    List<Long> ts = new ArrayList<>();
    List<Float> vs = new ArrayList<>();
    try (var in =
        new BufferedReader(
            new InputStreamReader(
                RollingOriginEvaluatorTest.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] p = line.split(",");
        ts.add(LocalDateTime.parse(p[0], fmt).toEpochSecond(ZoneOffset.UTC));
        vs.add(Float.parseFloat(p[1]));
      }
    }
    long step = ts.get(1) - ts.get(0);
    int n = (int) ((ts.get(ts.size() - 1) - ts.get(0)) / step) + 1;
    float[] v = new float[n];
    java.util.Arrays.fill(v, Float.NaN);
    for (int i = 0; i < ts.size(); i++) {
      v[(int) ((ts.get(i) - ts.get(0)) / step)] = vs.get(i);
    }
    return new RegularSeries(Instant.ofEpochSecond(ts.get(0)), Duration.ofSeconds(step), v);
  }
}
