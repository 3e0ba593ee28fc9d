package io.predictivescaler.core.counterfactual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.predictivescaler.core.decision.ForecastReplicas;
import io.predictivescaler.core.decision.TotalReplicas;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-worked replays with one-minute buckets. {@code loads[b]} is what the controller saw at
 * bucket {@code b}; the bucket's real load is {@code loads[b + delay]}.
 */
class LightClusterTest {
  private static final float NAN = Float.NaN;

  /** Seen 45 for four buckets, then 85: the real step is at bucket 3 (one bucket of delay). */
  private static final float[] STEP = {45, 45, 45, 45, 85, 85, 85, 85, 85, 85, 85, 85};

  private static LightCluster cluster(int delay, int startup, int downWindow) {
    return new LightCluster(60, delay, startup, downWindow, 1, 100, 10, 10, 0.1);
  }

  @Test
  void hpaIsOverloadedForTheStartUpPlusTheMetricDelayAfterAStep() {
    CandidateScore hpa = cluster(1, 2, 3).replay("hpa", Double.NaN, 0, STEP, null);

    // real 85 at buckets 3, 4 and 5 against 5 Ready replicas; the 4 added at bucket 4 are Ready
    // at 6, and 9 replicas (90) hold 85 without a near miss (85 < 85.5)
    assertThat(hpa.overloadMinutes()).isEqualTo(3.0);
    assertThat(hpa.nearMissMinutes()).isZero();
    assertThat(hpa.minutes()).isEqualTo(11.0);
    assertThat(hpa.replicaHours()).isCloseTo((4 * 5 + 8 * 9) / 60.0, within(1e-9));
    assertThat(hpa.isHpa()).isTrue();
  }

  @Test
  void scoringFromALaterBucketCountsOnlyTheBucketsFromThereOn() {
    CandidateScore whole = cluster(1, 2, 3).replay("hpa", Double.NaN, 0, 1, STEP, STEP, null, 0);
    CandidateScore tail = cluster(1, 2, 3).replay("hpa", Double.NaN, 0, 1, STEP, STEP, null, 5);

    // the overload is at buckets 3, 4 and 5: only bucket 5 is scored from 5 on, with the
    // replicas the earlier buckets brought the cluster to (9 from bucket 4 on)
    assertThat(whole.overloadMinutes()).isEqualTo(3.0);
    assertThat(tail.overloadMinutes()).isEqualTo(1.0);
    assertThat(tail.minutes()).isEqualTo(6.0);
    assertThat(tail.replicaHours()).isCloseTo(7 * 9 / 60.0, within(1e-9));
  }

  @ParameterizedTest(name = "band rises at bucket {0}: {1} overload minutes")
  @CsvSource({"0, 0", "1, 0", "2, 1", "3, 2", "4, 3"})
  void aBandThatRisesStartUpBucketsAheadOfTheRealStepAvoidsTheOverload(
      int risesAt, double overloadMinutes) {
    float[] bands = new float[STEP.length];
    for (int b = 0; b < bands.length; b++) {
      bands[b] = b < risesAt ? 45 : 85;
    }

    CandidateScore predictive = cluster(1, 2, 3).replay("q0.9", 0.9, 0, STEP, bands);

    // capacity asked at bucket r is Ready at r + 2; the real step is at bucket 3
    assertThat(predictive.overloadMinutes()).isEqualTo(overloadMinutes);
    assertThat(predictive.nearMissMinutes()).isZero();
    assertThat(predictive.level()).isEqualTo(0.9);
    assertThat(predictive.isHpa()).isFalse();
  }

  @ParameterizedTest(name = "band part held {0} buckets: {1} replicas at buckets 1-6")
  @CsvSource({
    "1, '3, 3, 3, 3, 3, 3'",
    "2, '9, 3, 3, 3, 3, 3'",
    "4, '9, 9, 9, 3, 3, 3'",
    "9, '9, 9, 9, 3, 3, 3'"
  })
  void theWindowHoldsTheBandPartOnlyForItsHoldAndTheReactivePartThroughout(
      int bandHold, String replicas) {
    float[] loads = {30, 30, 30, 30, 30, 30, 30, 30};
    float[] bands = {85, 25, 25, 25, 25, 25, 25, 25};
    LightCluster cluster = new LightCluster(60, 0, 1, 4, bandHold, 1, 100, 10, 10, 0.1);

    CandidateScore score = cluster.replay("q0.9", 0.9, 0, loads, bands);

    // 9 from the band at bucket 0 (a bucket's band is its highest, so a hold of 1 ends with it);
    // the band falls to 25 (3 replicas) and the reactive part is 3 throughout: the window of 4
    // holds the 9 for the band's hold, counted with bucket 0 and at most the window
    int[] expected =
        Arrays.stream(replicas.split(",")).mapToInt(x -> Integer.parseInt(x.trim())).toArray();
    double replicaBuckets = 9 + Arrays.stream(expected).sum() + 3;
    assertThat(score.replicaHours()).isCloseTo(replicaBuckets / 60.0, within(1e-9));
  }

  @ParameterizedTest(name = "reactive share {0}: {1} replica-buckets")
  @CsvSource({"1, 36", "0.5, 48"})
  void aBandSizingAloneHasItsReactivePartHeldForTheBandsHoldOnly(double share, int replicaBuckets) {
    // a burst of load at bucket 0 (9 replicas) under a band of 3: at share 1 the reactive part is
    // the load at full capacity, which the band covers, and the window of 4 holds it for the
    // band's hold of 2 (9, 9, then 3); with some of the HPA's headroom kept it holds for all 4
    float[] loads = {90, 30, 30, 30, 30, 30, 30, 30};
    float[] bands = {25, 25, 25, 25, 25, 25, 25, 25};
    LightCluster cluster = new LightCluster(60, 0, 1, 4, 2, 1, 100, 10, 10, 0.1);

    CandidateScore score = cluster.replay("q0.9", 0.9, 0, share, loads, loads, bands, 0);

    assertThat(score.replicaHours()).isCloseTo(replicaBuckets / 60.0, within(1e-9));
  }

  @Test
  void withoutABandHoldTheBandIsHeldThroughTheWholeWindow() {
    float[] loads = {30, 30, 30, 30, 30, 30, 30, 30};
    float[] bands = {85, 25, 25, 25, 25, 25, 25, 25};

    CandidateScore whole =
        new LightCluster(60, 0, 1, 4, 1, 100, 10, 10, 0.1).replay("q", 0.9, 0, loads, bands);
    CandidateScore held =
        new LightCluster(60, 0, 1, 4, 4, 1, 100, 10, 10, 0.1).replay("q", 0.9, 0, loads, bands);

    CandidateScore released =
        new LightCluster(60, 0, 1, 4, 1, 1, 100, 10, 10, 0.1).replay("q", 0.9, 0, loads, bands);

    assertThat(whole.replicaHours()).isEqualTo(held.replicaHours());
    assertThat(released.replicaHours()).isLessThan(whole.replicaHours());
  }

  @Test
  void anAnticipatingBandPaysForTheReplicasItAddsEarly() {
    float[] bands = new float[STEP.length];
    Arrays.fill(bands, 85);
    bands[0] = 45;

    CandidateScore predictive = cluster(1, 2, 3).replay("q0.9", 0.9, 0, STEP, bands);

    // 5 replicas at bucket 0, 9 from bucket 1 on
    assertThat(predictive.replicaHours()).isCloseTo((5 + 11 * 9) / 60.0, within(1e-9));
  }

  @ParameterizedTest(name = "window {0} buckets: {1} replica-buckets")
  @CsvSource({"0, 52", "1, 52", "2, 56", "3, 60", "4, 64"})
  void scaleDownWaitsForTheStabilizationWindow(int downWindow, int replicaBuckets) {
    float[] loads = {85, 85, 85, 45, 45, 45, 45, 45};

    CandidateScore hpa = cluster(0, 1, downWindow).replay("hpa", Double.NaN, 0, loads, null);

    // 9 replicas until the drop seen at bucket 3 has been the highest recommendation for the
    // whole window, then 5
    assertThat(hpa.replicaHours()).isCloseTo(replicaBuckets / 60.0, within(1e-9));
    assertThat(hpa.overloadMinutes()).isZero();
  }

  @Test
  void podsWithNoStartUpAreReadyAtOnce() {
    float[] loads = {45, 85, 85, 85};

    CandidateScore hpa = cluster(0, 0, 0).replay("hpa", Double.NaN, 0, loads, null);

    assertThat(hpa.overloadMinutes()).isZero();
    assertThat(hpa.replicaHours()).isCloseTo((5 + 3 * 9) / 60.0, within(1e-9));
  }

  @Test
  void scaleDownCancelsPodsStillStartingFirst() {
    float[] loads = {45, 85, 45, 45, 85, 85, 85};

    CandidateScore hpa = cluster(0, 3, 0).replay("hpa", Double.NaN, 0, loads, null);

    // up to 9 at bucket 1, back to 5 at bucket 2 before any new pod was Ready: the 5 Ready pods
    // stay, so the second rise waits the full start-up again (buckets 1, 4, 5 and 6 overloaded)
    assertThat(hpa.overloadMinutes()).isEqualTo(4.0);
    assertThat(hpa.replicaHours()).isCloseTo((5 + 9 + 5 + 5 + 9 + 9 + 9) / 60.0, within(1e-9));
  }

  @ParameterizedTest(name = "load {0}: {1} replicas")
  @CsvSource({"1000, 20", "0, 2", "50, 5"})
  void clampsToMinAndMaxReplicas(float load, int replicas) {
    float[] loads = {load, load, load, load};
    LightCluster cluster = new LightCluster(60, 0, 1, 0, 2, 20, 10, 10, 0.1);

    CandidateScore hpa = cluster.replay("hpa", Double.NaN, 0, loads, null);
    CandidateScore predictive = cluster.replay("q0.9", 0.9, 0, loads, loads);

    assertThat(hpa.replicaHours()).isCloseTo(4 * replicas / 60.0, within(1e-9));
    assertThat(predictive.replicaHours()).isCloseTo(4 * replicas / 60.0, within(1e-9));
    assertThat(hpa.overloadMinutes()).isEqualTo(load > 200 ? 4.0 : 0.0);
  }

  @Test
  void loadsStoredAsFloatsAtAWholeNumberOfReplicasAreSizedAsThePipelineSizesThem() {
    double target = 0.3;
    LightCluster cluster = new LightCluster(60, 0, 1, 0, 1, 1000, target, target, 0);
    int roundedUp = 0;
    for (int k = 1; k <= 500; k++) {
      float stored = (float) (k * target);
      roundedUp += stored / target > k ? 1 : 0;
      float[] loads = {stored, stored, stored, stored};

      CandidateScore hpa = cluster.replay("hpa", Double.NaN, 0, loads, null);
      CandidateScore predictive = cluster.replay("q0.9", 0.9, 0, loads, loads);

      int replicas = TotalReplicas.needed(stored, target);
      assertThat(replicas).isEqualTo(k);
      assertThat(ForecastReplicas.needed(stored, target)).isEqualTo(k);
      assertThat(hpa.replicaHours()).as("hpa at %s", k).isCloseTo(4 * k / 60.0, within(1e-9));
      assertThat(predictive.replicaHours())
          .as("band at %s", k)
          .isCloseTo(4 * k / 60.0, within(1e-9));
    }
    assertThat(roundedUp).as("loads a hair above a whole number of replicas").isPositive();
  }

  @Test
  void replicaHoursIntegrateReplicasOverBuckets() {
    float[] loads = new float[120];
    for (int b = 0; b < loads.length; b++) {
      loads[b] = b < 60 ? 30 : 70;
    }
    LightCluster fiveMinutes = new LightCluster(300, 0, 1, 0, 1, 100, 10, 10, 0.01);

    CandidateScore hpa = fiveMinutes.replay("hpa", Double.NaN, 0, loads, null);

    // 5 h at 3 replicas, 5 h at 7
    assertThat(hpa.replicaHours()).isCloseTo(5 * 3 + 5 * 7, within(1e-9));
    assertThat(hpa.minutes()).isEqualTo(600.0);
  }

  /** Ten replicas held by min = max: Ready capacity 100 in every bucket. */
  @ParameterizedTest(name = "load {0}: overload {1}, near miss {2}")
  @CsvSource({"80, 0, 0", "94.9, 0, 0", "95.5, 0, 1", "99.9, 0, 1", "100, 0, 1", "100.1, 1, 0"})
  void countsNearMissesWithinFivePercentBelowCapacity(
      float load, double overloadPerMinute, double nearMissPerMinute) {
    float[] loads = {load, load, load, load, load};
    LightCluster fixed = new LightCluster(60, 0, 1, 0, 10, 10, 10, 10, 0.1);

    CandidateScore score = fixed.replay("hpa", Double.NaN, 0, loads, null);

    assertThat(score.overloadMinutes()).isEqualTo(5 * overloadPerMinute);
    assertThat(score.nearMissMinutes()).isEqualTo(5 * nearMissPerMinute);
    assertThat(score.risk())
        .isCloseTo(
            5 * (overloadPerMinute + CandidateScore.NEAR_MISS_WEIGHT * nearMissPerMinute),
            within(1e-9));
  }

  @Test
  void aBucketOverloadedAtItsPeakAloneCountsThePartAboveCapacity() {
    float[] peaks = {101, 101, 101, 101};
    float[] means = {90, 90, 101, 101};
    LightCluster fixed = new LightCluster(60, 0, 1, 0, 10, 10, 10, 10, 0.1);

    CandidateScore score = fixed.replay("hpa", Double.NaN, 0, 1, peaks, means, null, 0);

    // a ramp from 79 to 101 is above 100 for 1 of its 22, and came near for the rest
    assertThat(score.overloadMinutes()).isCloseTo(1 / 22.0 + 1 / 22.0 + 1 + 1, within(1e-9));
    assertThat(score.nearMissMinutes()).isCloseTo(21 / 22.0 + 21 / 22.0, within(1e-9));
  }

  @Test
  void aPeakJustAboveCapacityIsNoSaferThanOneJustBelowIt() {
    LightCluster fixed = new LightCluster(60, 0, 1, 0, 10, 10, 10, 10, 0.1);
    float[] means = {90, 90, 90};

    CandidateScore below =
        fixed.replay("hpa", Double.NaN, 0, 1, new float[] {99.99f, 99.99f, 99.99f}, means, null, 0);
    CandidateScore above =
        fixed.replay(
            "hpa", Double.NaN, 0, 1, new float[] {100.01f, 100.01f, 100.01f}, means, null, 0);

    assertThat(above.risk()).isGreaterThan(below.risk());
    assertThat(above.risk()).isCloseTo(below.risk(), within(0.01));
  }

  @ParameterizedTest(name = "highest {0}, mean {1}, capacity {2}: {3} of the bucket")
  @CsvSource({
    "120, 100, 90, 0.75", // a ramp from 80 to 120 is above 90 for three quarters of it
    "120, 100, 110, 0.25",
    "120, 110, 95, 1", // a ramp from 100 to 120 is above 95 throughout
    "120, 120, 119, 1", // a flat bucket above capacity counts whole
    "120, 100, 120, 0"
  })
  void theOverloadedShareOfABucketIsReadOffARampThroughItsMeanToItsPeak(
      double highest, double mean, double capacity, double share) {
    assertThat(LightCluster.overloadedShare(highest, mean, capacity))
        .isCloseTo(share, within(1e-9));
  }

  @Test
  void aRampThroughCapacityCountsAsTheReplayWouldTickByTick() {
    // one two-minute bucket of eight 15 s ticks ramping 96, 97, ..., 103 on 10 replicas of 10: the
    // replay's ticks have 3 of 8 above 100 (0.75 min), the line from 96 to 103 has 3 of 7 (0.86
    // min); counted as half a bucket for its peak alone it was 1 min
    float[] peaks = {103};
    float[] means = {99.5f};
    LightCluster fixed = new LightCluster(120, 0, 1, 0, 10, 10, 10, 10, 0.1);

    CandidateScore score = fixed.replay("hpa", Double.NaN, 0, 1, peaks, means, null, 0);

    assertThat(score.overloadMinutes()).isCloseTo(2 * 3 / 7.0, within(1e-6));
  }

  @ParameterizedTest(name = "tolerance {0}: {1} replica-buckets")
  @CsvSource({"0.1, 40", "0.05, 43"})
  void toleranceHoldsTheReplicaCount(double tolerance, int replicaBuckets) {
    float[] loads = {100, 108, 108, 108};
    LightCluster cluster = new LightCluster(60, 0, 1, 0, 1, 100, 10, 10, tolerance);

    CandidateScore hpa = cluster.replay("hpa", Double.NaN, 0, loads, null);

    // 108 on 10 replicas is a usage ratio of 1.08
    assertThat(hpa.replicaHours()).isCloseTo(replicaBuckets / 60.0, within(1e-9));
  }

  @Test
  void hpaSizesForItsReactiveTargetAndOverloadIsJudgedAgainstTheRealOne() {
    float[] loads = {64, 64, 64, 64};
    LightCluster cluster = new LightCluster(60, 0, 1, 0, 1, 100, 10, 8, 0.1);

    CandidateScore hpa = cluster.replay("hpa", Double.NaN, 0, loads, null);
    CandidateScore predictive = cluster.replay("q0.9", 0.9, 0, loads, loads);

    // the HPA runs 8 replicas (64 / 8); predictive starts where the HPA would and scales down to
    // 7 (ceil(6.4)) at once: 64 on 70 is no near miss (66.5)
    assertThat(hpa.replicaHours()).isCloseTo(4 * 8 / 60.0, within(1e-9));
    assertThat(predictive.replicaHours()).isCloseTo(4 * 7 / 60.0, within(1e-9));
    assertThat(predictive.risk()).isZero();
  }

  @ParameterizedTest
  @CsvSource({"1, 7", "0.5, 8", "0, 11"})
  void theReactivePartReadsTheLoadAtTheTargetItsShareSets(double share, int replicas) {
    float[] loads = {64, 64, 64, 64};
    float[] bands = {0, 0, 0, 0};
    LightCluster cluster = new LightCluster(60, 0, 1, 0, 1, 100, 10, 6, 0.1);

    CandidateScore predictive = cluster.replay("q0.9", 0.9, 0, share, loads, loads, bands, 0);

    // the replay starts where the HPA would be, ceil(64 / 6) = 11; the reactive part then reads
    // 64 at 10 per replica (share 1: 7), at 8 (share 0.5: 8), or at the HPA's 6, where 64 on 11
    // replicas is within tolerance (share 0: 11)
    assertThat(cluster.blendedTarget(share)).isEqualTo(6 + share * 4);
    assertThat(predictive.reactiveShare()).isEqualTo(share);
    assertThat(predictive.replicaHours()).isCloseTo(4 * replicas / 60.0, within(1e-9));
  }

  @Test
  void headroomSizesForAShareAboveTheBand() {
    float[] loads = {50, 50, 50};
    float[] bands = {50, 50, 50};
    LightCluster cluster = new LightCluster(60, 0, 1, 0, 1, 100, 10, 10, 0.1);

    CandidateScore plain = cluster.replay("q0.9", 0.9, 0, loads, bands);
    CandidateScore padded = cluster.replay("q0.9+20%", 0.9, 0.2, loads, bands);

    // 50 exactly on 5 replicas is a near miss; the sixth replica asked at bucket 0 is Ready at 1
    assertThat(plain.nearMissMinutes()).isEqualTo(3.0);
    assertThat(padded.nearMissMinutes()).isEqualTo(1.0);
    assertThat(padded.replicaHours()).isGreaterThan(plain.replicaHours());
    assertThat(padded.headroom()).isEqualTo(0.2);
  }

  @Test
  void gapsHoldTheReplicasAndAreNotJudged() {
    float[] loads = {NAN, NAN, 50, NAN, 50, NAN};
    LightCluster cluster = new LightCluster(60, 0, 1, 0, 1, 100, 10, 8, 0.1);

    CandidateScore hpa = cluster.replay("hpa", Double.NaN, 0, loads, null);

    // leading gaps are before the replay starts; 7 replicas (ceil(50 / 8)) from bucket 2 on
    assertThat(hpa.minutes()).isEqualTo(2.0);
    assertThat(hpa.replicaHours()).isCloseTo(4 * 7 / 60.0, within(1e-9));
  }

  @Test
  void aBandMissingInABucketFallsBackToTheHpa() {
    float[] loads = {64, 64, 64};
    float[] bands = {NAN, NAN, NAN};
    LightCluster cluster = new LightCluster(60, 0, 1, 0, 1, 100, 10, 8, 0.1);

    CandidateScore predictive = cluster.replay("q0.9", 0.9, 0, loads, bands);
    CandidateScore hpa = cluster.replay("hpa", Double.NaN, 0, loads, null);

    assertThat(predictive.replicaHours()).isEqualTo(hpa.replicaHours());
    assertThat(predictive.risk()).isEqualTo(hpa.risk());
  }
}
