package io.predictivescaler.core.counterfactual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CounterfactualBiasTest {

  private static final double P = CounterfactualBias.PRIOR_MINUTES;

  private final CounterfactualBias bias = new CounterfactualBias();

  private static CandidateScore hpa(double overload, double replicaHours) {
    return new CandidateScore("hpa", Double.NaN, 0, 1, overload, 4, replicaHours, 360);
  }

  private static CandidateScore forecast(double overload, double replicaHours) {
    return new CandidateScore("q0.9", 0.9, 0, 1, overload, 4, replicaHours, 360);
  }

  @Test
  void untilAnIntervalIsMeasuredTheFiguresAreLeftAsTheyAre() {
    List<CandidateScore> scores = List.of(hpa(3, 10), forecast(1, 9));

    assertThat(bias.factors().measured()).isFalse();
    assertThat(bias.correct(scores)).isSameAs(scores);
    assertThat(bias.factors().describe()).isEmpty();
    assertThat(bias.factors().forecastOverload()).isEqualTo(1);
    assertThat(bias.factors().hpaCost()).isEqualTo(1);
  }

  @Test
  void eachFamilyIsScaledByWhatItReallyHadAgainstItsCounterfactual() {
    // the forecast candidate that ran: 30 overload min and 100 replica-h in the replay, really 70
    // and 104; the HPA: 50 and 110 in the replay, the shadow 30 and 99
    bias.add(forecast(30, 100), hpa(50, 110), new RealizedOutcome(70, 104, 30, 99), 0);

    assertThat(bias.factors().forecastOverload()).isCloseTo((70 + P) / (30 + P), within(1e-9));
    assertThat(bias.factors().forecastCost()).isCloseTo(1.04, within(1e-9));
    assertThat(bias.factors().hpaOverload()).isCloseTo((30 + P) / (50 + P), within(1e-9));
    assertThat(bias.factors().hpaCost()).isCloseTo(0.9, within(1e-9));

    List<CandidateScore> corrected = bias.correct(List.of(hpa(20, 50), forecast(10, 40)));
    assertThat(corrected.get(0).overloadMinutes()).isCloseTo(20 * (40 / 60.0), within(1e-9));
    assertThat(corrected.get(0).nearMissMinutes()).isCloseTo(4 * (40 / 60.0), within(1e-9));
    assertThat(corrected.get(0).replicaHours()).isCloseTo(45, within(1e-9));
    assertThat(corrected.get(1).overloadMinutes()).isCloseTo(10 * 2, within(1e-9));
    assertThat(corrected.get(1).replicaHours()).isCloseTo(41.6, within(1e-9));
    assertThat(corrected.get(1).minutes()).isEqualTo(360);
    assertThat(bias.factors().describe())
        .isEqualTo(
            "figures corrected by what ran: forecast overload x2.00, cost x1.040; HPA overload"
                + " x0.67, cost x0.900");
  }

  @Test
  void aCorrectionCanTurnTheChoiceFromAForecastThatLooksSaferToTheHpa() {
    // the replay rates q0.9 at 8 overload minutes against the HPA's 10, but what ran of it
    // overloaded twice as long as its replay said while the shadow HPA had what its replay said
    List<CandidateScore> scores = List.of(hpa(10, 100), forecast(8, 97));
    assertThat(RiskChooser.choose(scores, Double.NaN).chosen().name()).isEqualTo("q0.9");

    bias.add(forecast(40, 100), hpa(40, 100), new RealizedOutcome(90, 100, 40, 100), 0);

    assertThat(RiskChooser.choose(bias.correct(scores), Double.NaN).hpaChosen()).isTrue();
  }

  @Test
  void fewMinutesMoveTheOverloadRatioLittle() {
    bias.add(forecast(0, 100), hpa(0, 100), new RealizedOutcome(2, 100, 0, 100), 0);

    assertThat(bias.factors().forecastOverload()).isCloseTo(1.2, within(1e-9));
    assertThat(bias.factors().hpaOverload()).isEqualTo(1);
  }

  @Test
  void olderIntervalsFadeAsTheCandidatesFiguresDo() {
    bias.add(forecast(0, 100), hpa(0, 100), new RealizedOutcome(0, 120, 0, 100), 0);
    bias.fade(CandidateMemory.MEMORY_HOURS);
    bias.add(forecast(0, 100), hpa(0, 100), new RealizedOutcome(0, 100, 0, 100), 0);

    double keep = Math.exp(-1);
    assertThat(bias.factors().forecastCost())
        .isCloseTo((120 * keep + 100) / (100 * keep + 100), within(1e-9));
  }

  @Test
  void clearForgetsEverything() {
    bias.add(forecast(0, 100), hpa(0, 100), new RealizedOutcome(0, 120, 0, 100), 0);

    bias.clear();

    assertThat(bias.factors().measured()).isFalse();
    assertThat(bias.factors().forecastCost()).isEqualTo(1);
  }

  @Test
  void needsTheForecastThatRanAndTheHpaInThatOrder() {
    assertThatThrownBy(() -> bias.add(hpa(0, 1), hpa(0, 1), RealizedOutcome.NONE, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hpa, hpa");
    assertThatThrownBy(() -> bias.fade(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hoursSinceLast must be finite and >= 0, got -1");
  }
}
