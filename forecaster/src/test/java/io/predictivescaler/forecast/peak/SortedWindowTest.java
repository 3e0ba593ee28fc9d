package io.predictivescaler.forecast.peak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SortedWindowTest {

  @ParameterizedTest(name = "capacity {0}")
  @ValueSource(ints = {1, 2, 7, 50})
  void ranksMatchABruteForceSortOfTheNewestValues(int capacity) {
    Random random = new Random(42 + capacity);
    SortedWindow window = new SortedWindow(capacity);
    Deque<Float> newest = new ArrayDeque<>();

    for (int i = 0; i < 2_000; i++) {
      // few distinct values, so duplicates are common and evictions hit them; -0.0 and 0.0 too
      int kind = random.nextInt(8);
      double value = kind == 0 ? -0.0 : kind < 3 ? random.nextGaussian() : random.nextInt(6) - 2;
      window.add(value);
      newest.addLast((float) SortedWindow.kept(value));
      if (newest.size() > capacity) {
        newest.removeFirst();
      }

      float[] sorted = sortedCopy(newest);
      assertThat(window.size()).isEqualTo(sorted.length);
      assertThat(window.max()).isEqualTo(sorted[sorted.length - 1]);
      for (int rank = 1; rank <= sorted.length; rank++) {
        assertThat(window.ranked(rank))
            .as("rank %d at step %d", rank, i)
            .isEqualTo(sorted[rank - 1]);
      }
      for (double level : new double[] {0, 0.1, 0.5, 0.8, 0.9, 0.95, 0.99, 1}) {
        assertThat(window.conformal(level))
            .as("level %s at step %d", level, i)
            .isEqualTo(sorted[conformalRank(sorted.length, level) - 1]);
      }
    }
  }

  @Test
  void keepsValuesToItsUnitWithinItsLimit() {
    SortedWindow window = new SortedWindow(4);

    window.add(1.0 / 300);
    window.add(-1e9);
    window.add(1e9);
    window.add(2.5);

    assertThat(window.ranked(1)).isEqualTo(-SortedWindow.LIMIT);
    assertThat(window.ranked(2)).isEqualTo(0.0);
    assertThat(window.ranked(3)).isEqualTo(2.5);
    assertThat(window.max()).isEqualTo(SortedWindow.LIMIT);
    assertThat(SortedWindow.kept(0.3)).isCloseTo(0.3, within(SortedWindow.UNIT / 2));
    assertThat(SortedWindow.LIMIT).isGreaterThan(250);
  }

  @Test
  void ignoresNaN() {
    SortedWindow window = new SortedWindow(3);

    window.add(2);
    window.add(Double.NaN);
    window.add(1);
    window.add(Double.NaN);
    window.add(3);

    assertThat(window.size()).isEqualTo(3);
    assertThat(window.ranked(1)).isEqualTo(1.0);
    assertThat(window.ranked(2)).isEqualTo(2.0);
    assertThat(window.ranked(3)).isEqualTo(3.0);
  }

  @Test
  void capacityOneKeepsOnlyTheNewestValue() {
    SortedWindow window = new SortedWindow(1);

    window.add(5);
    window.add(-3);

    assertThat(window.size()).isEqualTo(1);
    assertThat(window.ranked(1)).isEqualTo(-3.0);
    assertThat(window.max()).isEqualTo(-3.0);
    assertThat(window.conformal(0.9)).isEqualTo(-3.0);
  }

  @Test
  void evictsTheOldestNotTheSmallest() {
    SortedWindow window = new SortedWindow(3);

    window.add(1);
    window.add(9);
    window.add(5);
    window.add(7);

    assertThat(new double[] {window.ranked(1), window.ranked(2), window.ranked(3)})
        .containsExactly(5, 7, 9);
  }

  @Test
  void isNaNWhenEmpty() {
    SortedWindow window = new SortedWindow(4);

    assertThat(window.size()).isZero();
    assertThat(window.ranked(1)).isNaN();
    assertThat(window.conformal(0.9)).isNaN();
    assertThat(window.max()).isNaN();
  }

  /** Ten values 1..10: the conformal quantile is the ceil(11 level)-th smallest, clamped. */
  @ParameterizedTest(name = "level {0} -> {1}")
  @CsvSource({
    "0.0, 1",
    "-0.5, 1",
    "0.05, 1",
    "0.1, 2",
    "0.5, 6",
    "0.8, 9",
    "0.9, 10",
    "0.95, 10",
    "1.0, 10",
    "1.5, 10"
  })
  void conformalIsTheCeilOfNPlusOneTimesLevelThSmallest(double level, double expected) {
    SortedWindow window = new SortedWindow(10);
    for (int v = 10; v >= 1; v--) {
      window.add(v);
    }

    assertThat(window.conformal(level)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "rank {0} -> {1}")
  @CsvSource({"-3, 1", "0, 1", "1, 1", "3, 3", "4, 4", "5, 4", "100, 4"})
  void ranksAreClampedToTheSize(int rank, double expected) {
    SortedWindow window = new SortedWindow(8);
    for (int v = 1; v <= 4; v++) {
      window.add(v);
    }

    assertThat(window.ranked(rank)).isEqualTo(expected);
  }

  @Test
  void rejectsACapacityBelowOne() {
    assertThatThrownBy(() -> new SortedWindow(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("capacity")
        .hasMessageContaining("0");
  }

  private static float[] sortedCopy(Deque<Float> values) {
    float[] out = new float[values.size()];
    int i = 0;
    for (float v : values) {
      out[i++] = v;
    }
    Arrays.sort(out);
    return out;
  }

  /** ceil((n + 1) level), clamped to [1, n], computed exactly with integers where possible. */
  private static int conformalRank(int n, double level) {
    long rank = (long) Math.ceil(Math.round((n + 1) * level * 1e6) / 1e6);
    return (int) Math.max(1, Math.min(n, rank));
  }
}
