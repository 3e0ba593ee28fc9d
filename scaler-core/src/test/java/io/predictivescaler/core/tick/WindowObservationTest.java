package io.predictivescaler.core.tick;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.collector.window.WindowSnapshot;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.decision.TotalMetric;
import io.predictivescaler.core.decision.UnavailableMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** How old the newest sample of a window may be before the decision stops trusting it. */
class WindowObservationTest {

  private static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");
  private final WorkloadPolicy policy = Policies.policy("checkout", ScalingMode.SCALE, 100, 20);
  private final Duration step = policy.step();

  @Test
  void aSampleFromThisStepIsFresh() {
    WindowSnapshot window = new WindowSnapshot(T0, step, new float[] {300, 320});

    WorkloadObservation observation = WindowObservation.of(policy, 4, 4, window, T0.plus(step));

    assertThat(observation.metric()).isInstanceOf(TotalMetric.class);
    assertThat(observation.observedLoad()).isEqualTo(320.0);
  }

  @Test
  void aSampleOlderThanFiveStepsIsUnavailable() {
    WindowSnapshot window = new WindowSnapshot(T0, step, new float[] {300, 320});

    WorkloadObservation observation =
        WindowObservation.of(policy, 4, 4, window, T0.plus(step.multipliedBy(7)));

    assertThat(observation.metric()).isInstanceOf(UnavailableMetric.class);
    assertThat(observation.observedLoad()).isNaN();
  }

  @Test
  void aSampleStampedAfterNowIsUnavailableAfterTheClockSteppedBack() {
    WindowSnapshot window = new WindowSnapshot(T0, step, new float[] {300, 320});
    Instant steppedBack = T0.minus(Duration.ofMinutes(30));

    WorkloadObservation observation = WindowObservation.of(policy, 4, 4, window, steppedBack);

    assertThat(observation.metric())
        .isInstanceOfSatisfying(
            UnavailableMetric.class,
            m -> assertThat(m.why()).contains("clock stepped back", "age is unknown"));
    assertThat(observation.observedLoad()).isNaN();
  }

  @Test
  void anOldSampleBeforeGapsIsUnavailableAfterAClockStepBackShorterThanTheOutage() {
    // a sample, then 42 steps without an answer (gaps); then the clock steps back 39 steps, so the
    // sample, 42 steps old, would be read as 4 steps old against the new time
    float[] values = new float[44];
    Arrays.fill(values, Float.NaN);
    values[0] = 300;
    values[1] = 320;
    WindowSnapshot window = new WindowSnapshot(T0, step, values);
    Instant steppedBack = T0.plus(step.multipliedBy(43 - 39 + 1));

    WorkloadObservation observation = WindowObservation.of(policy, 9, 9, window, steppedBack);

    assertThat(observation.metric())
        .isInstanceOfSatisfying(
            UnavailableMetric.class,
            m -> assertThat(m.why()).contains("clock stepped back", "age is unknown"));
    assertThat(observation.observedLoad()).isNaN();
  }

  @Test
  void gapsAfterTheNewestSampleDoNotHideAFreshOne() {
    float[] values = {300, 320, Float.NaN, Float.NaN};
    WindowSnapshot window = new WindowSnapshot(T0, step, values);

    WorkloadObservation observation =
        WindowObservation.of(policy, 4, 4, window, T0.plus(step.multipliedBy(4)));

    assertThat(observation.metric()).isInstanceOf(TotalMetric.class);
    assertThat(observation.observedLoad()).isEqualTo(320.0);
  }
}
