package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.core.config.PolicySettings;
import io.predictivescaler.core.config.PrometheusMetric;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TickWatchdogTest {

  private static final TargetRef CHECKOUT = TargetRef.deployment("shop", "checkout");
  private static final WorkloadPolicy POLICY =
      WorkloadPolicy.of(CHECKOUT, new PrometheusMetric("load", 100), 10, PolicySettings.BUILT_IN);

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final TickWatchdog watchdog = new TickWatchdog(Duration.ofSeconds(30), nanos::get);

  @Test
  void staysQuietWhileTicksCompleteAndDecide() {
    for (int i = 0; i < 10; i++) {
      advance(POLICY.step());
      watchdog.completed(Set.of(CHECKOUT), List.of(POLICY));
    }

    assertThat(watchdog.stalled()).isEmpty();
  }

  @Test
  void reportsAStallWhenNoTickCompletesWithinTheLimit() {
    watchdog.completed(Set.of(), List.of());

    advance(Duration.ofSeconds(31));

    assertThat(watchdog.stalled())
        .hasValueSatisfying(m -> assertThat(m).startsWith("ticks: no tick completed for 31 s"));
  }

  @Test
  void reportsAWorkloadThatTicksNoLongerDecide() {
    watchdog.completed(Set.of(CHECKOUT), List.of(POLICY));
    Duration stuck = POLICY.step().multipliedBy(TickWatchdog.STALL_STEPS).plusSeconds(31);

    // ticks keep completing, but the workload is never due (a due time stuck after a clock step)
    for (long s = 0; s < stuck.toSeconds(); s++) {
      advance(Duration.ofSeconds(1));
      watchdog.completed(Set.of(CHECKOUT), List.of());
    }

    assertThat(watchdog.stalled())
        .hasValueSatisfying(
            m -> assertThat(m).contains("no decision for Deployment shop/checkout"));
  }

  @Test
  void forgetsWorkloadsThatLeftThePolicy() {
    watchdog.completed(Set.of(CHECKOUT), List.of(POLICY));

    for (int s = 0; s < 600; s++) {
      advance(Duration.ofSeconds(1));
      watchdog.completed(Set.of(), List.of());
    }

    assertThat(watchdog.stalled()).isEmpty();
  }

  @Test
  void recoversOnTheNextCompletedTick() {
    advance(Duration.ofMinutes(5));

    watchdog.completed(Set.of(), List.of());

    assertThat(watchdog.stalled()).isEmpty();
  }

  @Test
  void allowsThirtyPeriodsButAtLeastThirtySeconds() {
    assertThat(TickWatchdog.limitFor(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(30));
    assertThat(TickWatchdog.limitFor(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(150));
  }

  private void advance(Duration by) {
    nanos.addAndGet(by.toNanos());
  }
}
