package io.predictivescaler.forecast.peak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RiseMemoryTest {
  private static final long T0 = 1_700_000_000L - 1_700_000_000L % 3_600;
  private static final long HOUR = 3_600;

  @Test
  void suggestsNothingUntilARiseIsRecorded() {
    RiseMemory memory = new RiseMemory();

    assertThat(memory.reach()).isNaN();

    memory.record(T0, Double.NaN);
    assertThat(memory.reach()).isNaN();
  }

  @Test
  void oneHourRememberedSuggestsItsLargestRise() {
    RiseMemory memory = new RiseMemory();

    memory.record(T0, 3);
    memory.record(T0 + 15, 7);
    memory.record(T0 + 30, -1);

    assertThat(memory.reach()).isEqualTo(7);
  }

  @Test
  void reachesAsFarBeyondTheLargestHourlyRiseAsItWentBeyondTheNext() {
    RiseMemory memory = new RiseMemory();

    memory.record(T0, 3);
    memory.record(T0 + 15, 7);
    memory.record(T0 + 2 * HOUR, 5);
    memory.record(T0 + 2 * HOUR + 15, -4);
    memory.record(T0 + 3 * HOUR, 4.5f);

    assertThat(memory.reach()).as("7 + (7 - 5)").isEqualTo(9);
  }

  @Test
  void theSameRiseEveryHourReachesNoFurther() {
    RiseMemory memory = new RiseMemory();

    for (int h = 0; h < 30; h++) {
      memory.record(T0 + h * HOUR, 4.5);
    }

    assertThat(memory.reach()).isEqualTo(4.5);
  }

  @Test
  void forgetsAnHourOnceItIsOlderThanTheMemory() {
    RiseMemory memory = new RiseMemory();
    memory.record(T0, 9);
    memory.record(T0 + HOUR, 4);
    memory.record(T0 + 2 * HOUR, 3);

    memory.record(T0 + (RiseMemory.HOURS - 1) * HOUR, 2);
    assertThat(memory.reach()).as("the first hour is still remembered: 9 + (9 - 4)").isEqualTo(14);

    memory.record(T0 + RiseMemory.HOURS * HOUR, 1);
    assertThat(memory.reach()).as("the first hour is forgotten: 4 + (4 - 3)").isEqualTo(5);

    memory.record(T0 + (3 * RiseMemory.HOURS) * HOUR, 0.5);
    assertThat(memory.reach()).as("after a long gap only the newest hour").isEqualTo(0.5);
  }

  @Test
  void aRiseFromAnHourAlreadyForgottenIsNotRecorded() {
    RiseMemory memory = new RiseMemory();
    memory.record(T0 + RiseMemory.HOURS * HOUR, 1);

    memory.record(T0, 50);

    assertThat(memory.reach()).isEqualTo(1);
  }

  @Test
  void aLateRiseFromAnHourStillRememberedCounts() {
    RiseMemory memory = new RiseMemory();
    memory.record(T0 + 5 * HOUR, 1);
    assertThat(memory.reach()).isEqualTo(1);

    memory.record(T0 + HOUR, 6);

    assertThat(memory.reach()).as("6 + (6 - 1)").isEqualTo(11);
  }

  @Test
  void fallsAloneReachAsFarBeyondTheSmallestFallAsItWentBeyondTheNext() {
    RiseMemory memory = new RiseMemory();
    memory.record(T0, -2);
    memory.record(T0 + HOUR, -0.5);

    assertThat(memory.reach()).as("-0.5 + (-0.5 - -2)").isEqualTo(1);
  }
}
