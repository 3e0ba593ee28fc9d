package io.predictivescaler.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checks can fail: each fires on a deliberate violation and stays quiet on a good write. */
class InvariantCheckerTest {

  private static final Set<String> SCALERS = Set.of("scaler-0", "scaler-1");
  private static final long NOW = 10_000_000_000L;

  private final InvariantChecker checker = new InvariantChecker(Duration.ofMillis(1500));

  @Test
  void aLeadersFreshWriteWithinBoundsIsNoViolation() {
    checker.write(
        1,
        write("scaler-0", 3, 5, "scaler-0", NOW - 100_000_000L),
        SCALERS,
        1,
        10,
        List.of(10),
        false);

    assertThat(checker.total()).isZero();
  }

  @Test
  void aWriteWhileAnotherScalerHoldsTheLeaseIsAViolation() {
    checker.write(
        1,
        write("scaler-0", 3, 5, "scaler-1", NOW - 100_000_000L),
        SCALERS,
        1,
        10,
        List.of(10),
        false);

    assertThat(checker.counts()).containsEntry("no-write-while-not-leader", 1);
  }

  @Test
  void aWriteLongAfterTheLastRenewalIsAViolation() {
    checker.write(
        1,
        write("scaler-0", 3, 5, "chaos-intruder", NOW - 3_000_000_000L),
        SCALERS,
        1,
        10,
        List.of(10),
        false);

    assertThat(checker.counts()).containsEntry("no-write-while-not-leader", 1);
  }

  @Test
  void aWriteBeyondMaxReplicasIsAViolation() {
    checker.write(1, write("scaler-0", 3, 11, "scaler-0", NOW), SCALERS, 1, 10, List.of(10), false);

    assertThat(checker.counts()).containsEntry("within-min-max", 1);
  }

  @Test
  void aScaleDownWithoutDataIsAViolationUnlessItIsTheClampToMax() {
    checker.write(1, write("scaler-0", 8, 5, "scaler-0", NOW), SCALERS, 1, 10, List.of(10), true);
    checker.write(2, write("scaler-0", 14, 10, "scaler-0", NOW), SCALERS, 1, 10, List.of(10), true);

    assertThat(checker.counts()).containsEntry("no-scale-down-on-missing-data", 1);
    assertThat(checker.examples()).singleElement().asString().contains("tick 1");
  }

  @Test
  void aMissingDecisionAndAnotherOwnerAreViolations() {
    checker.decisions(4, "scaler-0", Set.of("w00", "w01"), Set.of("w00"), Map.of());
    checker.owner(4, "scaler-0", "w00", "shop/hostile-3", "shop/policies");

    assertThat(checker.counts())
        .containsEntry("decision-within-one-step", 1)
        .containsEntry("policy-owner-stable", 1);
  }

  @Test
  void anHpaFloorRestoredBelowThePolicysMinimumIsNoViolationButARaisedOneAboveMaxIs() {
    checker.write(1, hpaWrite(6, 2, true), SCALERS, 3, 10, List.of(10), false);
    checker.write(2, hpaWrite(6, 12, false), SCALERS, 3, 10, List.of(10), false);

    assertThat(checker.counts()).containsEntry("within-min-max", 1);
    assertThat(checker.examples()).singleElement().asString().contains("tick 2", "HPA floor");
  }

  @Test
  void aFloorNotRestoredInTimeIsAViolation() {
    checker.floorNotRestored(7, "shop/w04", 6, 2, Duration.ofSeconds(31));

    assertThat(checker.counts()).containsEntry("hpa-floor-restored", 1);
    assertThat(checker.examples())
        .singleElement()
        .asString()
        .contains("shop/w04 still at minReplicas 6 (the SRE's floor: 2) 31 s");
  }

  @Test
  void heapOverTheLimitIsAViolation() {
    checker.heap(9, 300, 256);
    checker.heap(10, 200, 256);

    assertThat(checker.counts()).containsEntry("heap-bounded", 1);
  }

  private static ApiWrite hpaWrite(int from, int to, boolean restore) {
    return new ApiWrite(
        "scaler-0", "shop", "w04", true, restore, from, to, NOW, "scaler-0", NOW - 100_000_000L);
  }

  private static ApiWrite write(String writer, int from, int to, String holder, long renewed) {
    return new ApiWrite(writer, "shop", "w00", false, false, from, to, NOW, holder, renewed);
  }
}
