package io.predictivescaler.forecast.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ResidualQuantilesTest {

  @Test
  void aZeroCapacityIsRejectedInsteadOfFailingOnTheFirstResidual() {
    assertThatThrownBy(() -> new ResidualQuantiles(3, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity must be >= 1, got 0");
    assertThatThrownBy(() -> new ResidualQuantiles(-1, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("steps must be >= 0, got -1");
  }

  @Test
  void keepsTheNewestResidualsPerStepUpToItsCapacity() {
    ResidualQuantiles q = new ResidualQuantiles(2, 3);
    for (double r : new double[] {100, 1, 2, 3}) {
      q.add(0, r);
    }
    q.add(1, -5);

    assertThat(q.count(0)).isEqualTo(3);
    assertThat(q.quantile(0, 1.0)).isEqualTo(3);
    assertThat(q.quantile(0, 0.5)).isCloseTo(2, within(1e-9));
    assertThat(q.quantile(1, 0.9)).isEqualTo(-5);
  }

  @Test
  void aStepWithoutResidualsHasNoQuantile() {
    assertThat(new ResidualQuantiles(1, 4).quantile(0, 0.9)).isNaN();
  }

  @Test
  void aCopyDoesNotSeeLaterResiduals() {
    ResidualQuantiles q = new ResidualQuantiles(1, 4);
    q.add(0, 1);
    ResidualQuantiles copy = q.copy();
    q.add(0, 9);

    assertThat(copy.count(0)).isEqualTo(1);
    assertThat(copy.quantile(0, 1.0)).isEqualTo(1);
  }
}
