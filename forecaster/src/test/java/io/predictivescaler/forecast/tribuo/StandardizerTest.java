package io.predictivescaler.forecast.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class StandardizerTest {
  private static final Offset<Double> EXACT = within(1e-9);
  private static final double ROOT5 = Math.sqrt(5);

  /** Features (1, 5), (3, 5), (5, 5), (7, 5); targets 0, 2, 4, 6. */
  private static Standardizer fitSmall() {
    double[][] x = {{1, 5}, {3, 5}, {5, 5}, {7, 5}};
    double[][] y = {{0}, {2}, {4}, {6}};
    return Standardizer.fit(x, y);
  }

  @Test
  void meansAndPopulationDeviationsPerColumn() {
    Standardizer st = fitSmall();

    // Column 0: mean 4, variance (9 + 1 + 1 + 9) / 4 = 5. Targets: mean 3, variance 5.
    assertThat(st.featureMean()).containsExactly(new double[] {4, 5}, EXACT);
    assertThat(st.featureStd()[0]).isCloseTo(ROOT5, EXACT);
    assertThat(st.targetMean()).containsExactly(new double[] {3}, EXACT);
    assertThat(st.targetStd()).containsExactly(new double[] {ROOT5}, EXACT);
  }

  @Test
  void aConstantColumnIsOnlyCentred() {
    Standardizer st = fitSmall();
    double[] out = new double[2];

    st.features(new double[] {4, 7}, out);

    assertThat(st.featureStd()[1]).isEqualTo(1);
    assertThat(out).containsExactly(new double[] {0, 2}, EXACT); // (7 - 5) / 1
  }

  @Test
  void featuresAreStandardizedAndClippedAtFiveDeviations() {
    Standardizer st = fitSmall();
    double[] out = new double[2];

    st.features(new double[] {4 + 2 * ROOT5, 5}, out);
    assertThat(out).containsExactly(new double[] {2, 0}, EXACT);

    st.features(new double[] {4 + 100, 5 - 100}, out);
    assertThat(out).containsExactly(new double[] {5, -5}, EXACT);
  }

  @Test
  void targetsRoundTripWithoutClipping() {
    Standardizer st = fitSmall();
    double[] out = new double[1];

    st.targets(new double[] {3 + ROOT5}, out);
    assertThat(out[0]).isCloseTo(1, EXACT);

    // Standardized targets are not clipped: 10 deviations come back as they went in.
    st.targets(new double[] {3 + 10 * ROOT5}, out);
    assertThat(out[0]).isCloseTo(10, EXACT);
    assertThat(st.target(0, 10)).isCloseTo(3 + 10 * ROOT5, EXACT);
    assertThat(st.target(0, -2)).isCloseTo(3 - 2 * ROOT5, EXACT);
  }

  @Test
  void fitClipsEachTargetColumnToItsTwoPercentTailsInPlace() {
    // 101 rows: targets 0..99 and one outlier 1000, and a constant second column.
    double[][] x = new double[101][1];
    double[][] y = new double[101][2];
    for (int r = 0; r < 101; r++) {
      x[r][0] = r;
      y[r][0] = r < 100 ? r : 1000;
      y[r][1] = 7;
    }

    Standardizer st = Standardizer.fit(x, y);

    // Sorted, the bounds are at 2% and 98% of the 100 gaps between rows: positions 2 and 98,
    // holding 2 and 98. Clipped: 2, 2, 2, 3, ..., 97, 98, 98, 98.
    assertThat(y[0][0]).isEqualTo(2);
    assertThat(y[1][0]).isEqualTo(2);
    assertThat(y[2][0]).isEqualTo(2);
    assertThat(y[50][0]).isEqualTo(50);
    assertThat(y[98][0]).isEqualTo(98);
    assertThat(y[99][0]).isEqualTo(98);
    assertThat(y[100][0]).isEqualTo(98);
    // Statistics are of the clipped targets: sum(2..98) + 2 * 2 + 2 * 98 = 4850 + 200 = 5050.
    assertThat(st.targetMean()[0]).isCloseTo(5050 / 101.0, EXACT);
    assertThat(y[0][1]).isEqualTo(7);
    assertThat(st.targetMean()[1]).isCloseTo(7, EXACT);
    assertThat(st.targetStd()[1]).isEqualTo(1);
    // Features are never clipped by fit.
    assertThat(x[100][0]).isEqualTo(100);
  }
}
