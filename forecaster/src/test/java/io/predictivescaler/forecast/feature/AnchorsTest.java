package io.predictivescaler.forecast.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AnchorsTest {

  private static int[] steps(Anchors anchors) {
    int[] out = new int[anchors.count()];
    for (int i = 0; i < out.length; i++) {
      out[i] = anchors.step(i);
    }
    return out;
  }

  @Test
  void everyStepIsAnAnchorUpToSix() {
    assertThat(steps(Anchors.forHorizon(1))).containsExactly(1);
    assertThat(steps(Anchors.forHorizon(4))).containsExactly(1, 2, 3, 4);
    assertThat(steps(Anchors.forHorizon(6))).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void longerHorizonsGetSixEvenlySpreadAnchorsEndingAtTheHorizon() {
    // round(i * 10 / 6) for i = 1..6: 1.67, 3.33, 5, 6.67, 8.33, 10.
    assertThat(steps(Anchors.forHorizon(10))).containsExactly(2, 3, 5, 7, 8, 10);
    assertThat(steps(Anchors.forHorizon(12))).containsExactly(2, 4, 6, 8, 10, 12);
    assertThat(Anchors.forHorizon(10).horizon()).isEqualTo(10);
  }

  @Test
  void aHorizonBelowOneIsRejectedNamingTheField() {
    assertThatThrownBy(() -> Anchors.forHorizon(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("horizonSteps")
        .hasMessageContaining("0");
  }

  @Test
  void expandInterpolatesFromNowAndBetweenUnevenAnchors() {
    Anchors anchors = Anchors.forHorizon(10); // anchors at 2, 3, 5, 7, 8, 10
    double[] out = new double[10];

    anchors.expand(100, new double[] {120, 90, 110, 70, 80, 100}, out);

    // step 1: halfway from now (100) to 120; step 4: halfway from 90 to 110;
    // step 6: halfway from 110 to 70; step 9: halfway from 80 to 100.
    assertThat(out).containsExactly(110, 120, 90, 100, 110, 90, 70, 80, 90, 100);
  }

  @Test
  void expandHoldsTheLastAnchorPastTheHorizonAndStopsAtTheOutputLength() {
    Anchors anchors = Anchors.forHorizon(2);

    double[] longer = new double[4];
    anchors.expand(0, new double[] {5, 7}, longer);
    double[] shorter = new double[1];
    anchors.expand(0, new double[] {5, 7}, shorter);

    assertThat(longer).containsExactly(5, 7, 7, 7);
    assertThat(shorter).containsExactly(5);
  }
}
