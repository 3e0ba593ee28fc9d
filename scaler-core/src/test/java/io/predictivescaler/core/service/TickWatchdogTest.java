package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TickWatchdogTest {

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final TickWatchdog watchdog = new TickWatchdog(Duration.ofSeconds(30), nanos::get);

  @Test
  void staysQuietWhileTicksComplete() {
    for (int i = 0; i < 10; i++) {
      nanos.addAndGet(Duration.ofSeconds(20).toNanos());
      watchdog.completed();
    }

    assertThat(watchdog.stalled()).isEmpty();
  }

  @Test
  void reportsAStallWhenNoTickCompletesWithinTheLimit() {
    watchdog.completed();

    nanos.addAndGet(Duration.ofSeconds(31).toNanos());

    assertThat(watchdog.stalled()).hasValueSatisfying(m -> assertThat(m).startsWith("ticks: no"));
  }

  @Test
  void recoversOnTheNextCompletedTick() {
    nanos.addAndGet(Duration.ofMinutes(5).toNanos());

    watchdog.completed();

    assertThat(watchdog.stalled()).isEmpty();
  }

  @Test
  void allowsThirtyPeriodsButAtLeastThirtySeconds() {
    assertThat(TickWatchdog.limitFor(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(30));
    assertThat(TickWatchdog.limitFor(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(150));
  }
}
