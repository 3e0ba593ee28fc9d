package io.predictivescaler.core.tick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeadTimeEstimatorTest {

  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  @Test
  void answersFallbackUntilEnoughScaleUpsWereMeasured() {
    LeadTimeEstimator estimator = new LeadTimeEstimator(Duration.ofSeconds(90));

    scaleUp(estimator, 0, 2, 4, 60);
    scaleUp(estimator, 1000, 4, 6, 60);

    assertThat(estimator.measurements()).isEqualTo(2);
    assertThat(estimator.leadTime()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void measuresTimeFromScaleUpToReadyAsNinetiethPercentile() {
    LeadTimeEstimator estimator = new LeadTimeEstimator(Duration.ofSeconds(90));

    scaleUp(estimator, 0, 2, 4, 30);
    scaleUp(estimator, 1000, 4, 6, 45);
    scaleUp(estimator, 2000, 6, 8, 60);
    scaleUp(estimator, 3000, 8, 10, 120);

    assertThat(estimator.measurements()).isEqualTo(4);
    assertThat(estimator.leadTime()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void startsFromTheStartUpTimesMeasuredOutsideTheTicks() {
    LeadTimeEstimator estimator = new LeadTimeEstimator(Duration.ofSeconds(90));

    estimator.record(
        java.util.List.of(Duration.ofSeconds(40), Duration.ofSeconds(70), Duration.ofSeconds(200)));

    assertThat(estimator.measurements()).isEqualTo(3);
    assertThat(estimator.leadTime()).isEqualTo(Duration.ofSeconds(200));
  }

  @Test
  void aNegativeMeasuredLeadTimeIsRejected() {
    LeadTimeEstimator estimator = new LeadTimeEstimator(Duration.ofSeconds(90));

    assertThatThrownBy(() -> estimator.record(java.util.List.of(Duration.ofSeconds(-1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a lead time must be >= 0, got PT-1S");
  }

  @Test
  void countsFromTheTickBeforeTheOneThatSawTheRise() {
    LeadTimeEstimator estimator = new LeadTimeEstimator(Duration.ofSeconds(30));
    for (int i = 0; i < 3; i++) {
      Instant start = T0.plusSeconds(1000L * i);
      estimator.observe(start, 2, 2);
      estimator.observe(start.plusSeconds(15), 4, 2);
      estimator.observe(start.plusSeconds(90), 4, 4);
    }

    assertThat(estimator.leadTime()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void dropsAScaleUpThatWasTakenBackBeforeItsPodsWereReady() {
    LeadTimeEstimator estimator = new LeadTimeEstimator(Duration.ofSeconds(90));
    estimator.observe(T0, 2, 2);
    estimator.observe(T0.plusSeconds(15), 6, 2);

    estimator.observe(T0.plusSeconds(30), 3, 2);
    estimator.observe(T0.plusSeconds(600), 3, 3);

    assertThat(estimator.measurements()).isZero();
  }

  @Test
  void rejectsANonPositiveFallback() {
    assertThatThrownBy(() -> new LeadTimeEstimator(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fallback must be > 0");
  }

  /**
   * The tick at {@code atSeconds} asks for {@code to} replicas; the next tick, 15 s later, sees it;
   * the pods are Ready {@code readyAfterSeconds} (at least 30) after the tick that asked.
   */
  private static void scaleUp(
      LeadTimeEstimator estimator, long atSeconds, int from, int to, long readyAfterSeconds) {
    Instant start = T0.plusSeconds(atSeconds);
    estimator.observe(start, from, from);
    for (long s = 15; s < readyAfterSeconds; s += 15) {
      estimator.observe(start.plusSeconds(s), to, from);
    }
    estimator.observe(start.plusSeconds(readyAfterSeconds), to, to);
  }
}
