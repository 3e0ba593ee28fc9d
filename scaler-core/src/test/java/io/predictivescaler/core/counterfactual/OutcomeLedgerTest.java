package io.predictivescaler.core.counterfactual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OutcomeLedgerTest {

  private static final double PER_REPLICA = 100;

  private final OutcomeLedger ledger = new OutcomeLedger();

  @Test
  void replicasCountUntilTheNextTick() {
    ledger.tick(0, 4, 4, 6, 6);
    ledger.tick(1800, 2, 2, 6, 6);
    ledger.tick(3600, 2, 2, 6, 6);

    RealizedOutcome out = ledger.drain();

    assertThat(out.replicaHours()).isCloseTo(0.5 * 4 + 0.5 * 2, within(1e-9));
    assertThat(out.shadowReplicaHours()).isCloseTo(6, within(1e-9));
  }

  @Test
  void aLateSampleIsScoredAgainstWhatWasReadyWhenItWasTaken() {
    ledger.tick(0, 3, 3, 5, 5);
    ledger.tick(60, 6, 3, 5, 5);
    ledger.tick(120, 6, 6, 5, 5);
    // taken at 60 s when 3 were Ready (300 of load served), seen at 120 s when 6 are
    ledger.sample(60, 450, 60, PER_REPLICA);
    // taken at 120 s: 6 Ready serve it, the shadow's 5 do not
    ledger.sample(120, 550, 60, PER_REPLICA);

    RealizedOutcome out = ledger.drain();

    assertThat(out.overloadMinutes()).isEqualTo(1);
    assertThat(out.shadowOverloadMinutes()).isEqualTo(1);
  }

  @Test
  void aSampleIsScoredOnceAndOldOrMissingOnesAreSkipped() {
    ledger.tick(100, 1, 1, 1, 1);
    ledger.sample(50, 1000, 60, PER_REPLICA);
    ledger.sample(100, 1000, 60, PER_REPLICA);
    ledger.sample(100, 1000, 60, PER_REPLICA);
    ledger.sample(90, 1000, 60, PER_REPLICA);
    ledger.sample(160, Double.NaN, 60, PER_REPLICA);

    assertThat(ledger.lastSample()).isEqualTo(100);
    assertThat(ledger.drain().overloadMinutes()).isEqualTo(1);
  }

  @Test
  void theSavingsSoFarAreWhatTheNextDrainReports() {
    ledger.tick(0, 4, 4, 6, 6);
    ledger.tick(1800, 8, 8, 6, 6);
    assertThat(ledger.savedReplicaHours()).isEqualTo(1.0);
    ledger.tick(3600, 8, 8, 6, 6);
    assertThat(ledger.savedReplicaHours()).isEqualTo(0.0);

    RealizedOutcome drained = ledger.drain();

    assertThat(drained.shadowReplicaHours() - drained.replicaHours()).isEqualTo(0.0);
    assertThat(ledger.savedReplicaHours()).isEqualTo(0.0);
    ledger.tick(5400, 8, 8, 6, 6);
    assertThat(ledger.savedReplicaHours()).isEqualTo(-1.0);
  }

  @Test
  void drainStartsANewTally() {
    ledger.tick(0, 2, 2, 2, 2);
    ledger.tick(3600, 2, 2, 2, 2);
    ledger.sample(3600, 500, 300, PER_REPLICA);
    ledger.drain();

    ledger.tick(7200, 2, 2, 2, 2);
    RealizedOutcome second = ledger.drain();

    assertThat(second.replicaHours()).isCloseTo(2, within(1e-9));
    assertThat(second.overloadMinutes()).isZero();
    assertThat(ledger.drain()).isEqualTo(RealizedOutcome.NONE);
  }

  @Test
  void aTickBackInTimeIsIgnored() {
    ledger.tick(3600, 2, 2, 2, 2);
    ledger.tick(0, 9, 9, 9, 9);
    ledger.tick(7200, 2, 2, 2, 2);

    assertThat(ledger.drain().replicaHours()).isCloseTo(2, within(1e-9));
  }

  @Test
  void realizedFiguresMustBeFiniteAndNonNegative() {
    assertThatThrownBy(() -> new RealizedOutcome(-1, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got -1.0, 0.0, 0.0, 0.0");
    assertThatThrownBy(() -> new RealizedOutcome(0, Double.NaN, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
