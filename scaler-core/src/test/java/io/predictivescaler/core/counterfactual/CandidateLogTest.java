package io.predictivescaler.core.counterfactual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CandidateLogTest {
  private static final float NAN = Float.NaN;

  @Test
  void keepsTheHighestLoadAndBandOfEachBucket() {
    CandidateLog log = new CandidateLog(60, 4, 2);

    log.record(0, 5, new double[] {10, 20});
    log.record(15, 7, new double[] {8, 25});
    log.record(59, 3, new double[] {Double.NaN, 21});
    log.record(60, 4, new double[] {9, 19});

    assertThat(log.size()).isEqualTo(2);
    assertThat(log.loads()).containsExactly(7, 4);
    assertThat(log.bands(0)).containsExactly(10, 9);
    assertThat(log.bands(1)).containsExactly(25, 19);
  }

  @Test
  void aTickWithoutBandsLeavesTheBandsOfItsBucketAlone() {
    CandidateLog log = new CandidateLog(60, 4, 2);

    log.record(0, 5, null);
    log.record(60, 6, new double[] {11});
    log.record(70, Double.NaN, new double[] {12, 30});

    assertThat(log.loads()).containsExactly(5, 6);
    assertThat(log.bands(0)).containsExactly(NAN, 12);
    assertThat(log.bands(1)).containsExactly(NAN, 30);
  }

  @Test
  void listsBucketsOldestFirst() {
    CandidateLog log = new CandidateLog(10, 8, 1);

    for (int b = 0; b < 5; b++) {
      log.record(100 + 10L * b, b, new double[] {10 * b});
    }

    assertThat(log.loads()).containsExactly(0, 1, 2, 3, 4);
    assertThat(log.bands(0)).containsExactly(0, 10, 20, 30, 40);
  }

  @Test
  void wrapsAroundKeepingTheNewestCapacityBuckets() {
    CandidateLog log = new CandidateLog(10, 4, 1);

    for (int b = 0; b < 11; b++) {
      log.record(10L * b, b, new double[] {-b});
    }

    assertThat(log.size()).isEqualTo(4);
    assertThat(log.loads()).containsExactly(7, 8, 9, 10);
    assertThat(log.bands(0)).containsExactly(-7, -8, -9, -10);
  }

  @Test
  void aGapLeavesEmptyBucketsAndClearsWhatTheRingHeldThere() {
    CandidateLog log = new CandidateLog(10, 4, 1);
    for (int b = 0; b < 4; b++) {
      log.record(10L * b, b + 1, new double[] {b + 1});
    }

    log.record(60, 7, new double[] {7});

    // buckets 4 and 5 had no tick: their slots held buckets 0 and 1, which must not reappear
    assertThat(log.size()).isEqualTo(4);
    assertThat(log.loads()).containsExactly(4, NAN, NAN, 7);
    assertThat(log.bands(0)).containsExactly(4, NAN, NAN, 7);
  }

  @Test
  void aGapLongerThanTheCapacityClearsEverything() {
    CandidateLog log = new CandidateLog(10, 3, 1);
    for (int b = 0; b < 3; b++) {
      log.record(10L * b, 5, new double[] {5});
    }

    log.record(1_000, 9, new double[] {9});

    assertThat(log.size()).isEqualTo(3);
    assertThat(log.loads()).containsExactly(NAN, NAN, 9);
    assertThat(log.bands(0)).containsExactly(NAN, NAN, 9);
  }

  @Test
  void aGapCountsTowardsTheSizeBeforeTheRingIsFull() {
    CandidateLog log = new CandidateLog(10, 10, 1);

    log.record(0, 1, null);
    log.record(30, 2, null);

    assertThat(log.size()).isEqualTo(4);
    assertThat(log.loads()).containsExactly(1, NAN, NAN, 2);
  }

  @Test
  void ignoresRecordsOlderThanTheNewestBucket() {
    CandidateLog log = new CandidateLog(10, 4, 1);
    log.record(0, 1, new double[] {1});
    log.record(20, 3, new double[] {3});

    log.record(5, 100, new double[] {100});
    log.record(19, 100, new double[] {100});

    assertThat(log.loads()).containsExactly(1, NAN, 3);
    assertThat(log.bands(0)).containsExactly(1, NAN, 3);
  }

  @Test
  void bucketsNegativeEpochSecondsByFloor() {
    CandidateLog log = new CandidateLog(10, 4, 1);

    log.record(-11, 1, null);
    log.record(-1, 2, null);
    log.record(0, 3, null);

    assertThat(log.loads()).containsExactly(1, 2, 3);
  }

  @Test
  void returnsCopies() {
    CandidateLog log = new CandidateLog(10, 4, 1);
    log.record(0, 1, new double[] {2});

    log.loads()[0] = 99;
    log.bands(0)[0] = 99;

    assertThat(log.loads()).containsExactly(1);
    assertThat(log.bands(0)).containsExactly(2);
  }

  @ParameterizedTest(name = "bucketSeconds {0}, capacity {1}, levels {2}")
  @CsvSource({"0, 4, 1", "10, 1, 1", "10, 4, 0"})
  void rejectsNonPositiveSizes(long bucketSeconds, int capacity, int levels) {
    assertThatThrownBy(() -> new CandidateLog(bucketSeconds, capacity, levels))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bucketSeconds, capacity and levels")
        .hasMessageContaining(bucketSeconds + ", " + capacity + ", " + levels);
  }
}
