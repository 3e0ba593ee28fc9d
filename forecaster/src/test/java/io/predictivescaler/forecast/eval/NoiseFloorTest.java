package io.predictivescaler.forecast.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NoiseFloorTest {

  @Test
  void aStraightLineIsItsNeighboursMean() {
    float[] line = {1, 2, 3, 4, 5, 6, 7, 8};

    NoiseFloor floor = NoiseFloor.of(line, 1, 6, 1);

    assertThat(floor.mae()).isCloseTo(0, within(1e-9));
    assertThat(floor.halfWidth()).isEqualTo(1);
    assertThat(floor.points()).isEqualTo(6);
  }

  @Test
  void takesTheHalfWidthThatDoesBest() {
    // a spike every third point: one neighbour each side always misses it by the whole spike
    // (or takes it in as a neighbour); three each side average it out best
    float[] v = new float[30];
    for (int i = 0; i < v.length; i++) {
      v[i] = i % 3 == 0 ? 9 : 0;
    }

    NoiseFloor floor = NoiseFloor.of(v, 3, 26, 1);

    assertThat(floor.halfWidth()).isEqualTo(3);
    // a spike point's six neighbours hold two spikes (mean 3, off by 6); a quiet point's hold two
    // too (mean 3, off by 3): a third of the points are spikes
    assertThat(floor.mae()).isCloseTo((6 + 3 + 3) / 3.0, within(1e-6));
  }

  @Test
  void skipsGapsAndPointsWithoutANeighbourOnEachSide() {
    float[] v = {Float.NaN, 2, Float.NaN, 4, 6, 8, Float.NaN};

    NoiseFloor floor = NoiseFloor.of(v, 0, 6, 1);

    // at one neighbour a side only the 6 has both (4 and 8, exact); 2, 4 and 8 lack a side
    assertThat(floor.halfWidth()).isEqualTo(1);
    assertThat(floor.mae()).isCloseTo(0, within(1e-9));
    assertThat(floor.points()).isEqualTo(1);
  }

  @Test
  void onlyTheStridedPointsAreScored() {
    float[] v = new float[13];
    v[6] = 10;

    assertThat(NoiseFloor.of(v, 1, 11, 1).mae()).isGreaterThan(0);
    // points 1 and 11 are more than three steps from the spike
    assertThat(NoiseFloor.of(v, 1, 11, 10).mae()).isCloseTo(0, within(1e-9));
  }

  @Test
  void rejectsPointsOutsideTheSeriesAndANonPositiveStride() {
    float[] v = {1, 2, 3};

    assertThatThrownBy(() -> NoiseFloor.of(v, 0, 3, 1)).hasMessageContaining("0..3");
    assertThatThrownBy(() -> NoiseFloor.of(v, 0, 2, 0)).hasMessageContaining("stride");
  }
}
