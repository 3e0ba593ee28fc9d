package io.predictivescaler.core.tick;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.core.config.PolicyFields;
import io.predictivescaler.core.config.WorkloadPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The full loop on a noisy daily wave: a {@code forecastHold} longer than the lead window holds
 * what the forecast asked for that long in the scale-down window, so the workload scales less
 * often, and a decision the hold kept says for how long.
 */
class ForecastHoldTickTest {

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(15);
  private static final long DAY = 86_400;
  private static final double TARGET_PER_REPLICA = 100;
  private static final Pattern HELD =
      Pattern.compile("scale-down window \\((the forecast's part|all of it) for \\d+s\\)");

  @Test
  void aLongerForecastHoldScalesLessOftenAndSaysHowLongItHeld() {
    Run auto = run(Optional.empty());
    Run fourMinutes = run(Optional.of(Duration.ofMinutes(4)));

    assertThat(auto.held).as("auto holds the forecast's part for its lead window").isNotNull();
    assertThat(auto.held).doesNotContain("for 240s");
    assertThat(fourMinutes.held)
        .as("a decision the four-minute hold kept says so")
        .isNotNull()
        .contains("for 240s");
    assertThat(fourMinutes.changes)
        .as("scale events on day 3: four-minute hold against auto's %d", auto.changes)
        .isLessThan(auto.changes);
  }

  private record Run(int changes, String held) {}

  private static Run run(Optional<Duration> hold) {
    Random noise = new Random(11);
    FakeCluster cluster = new FakeCluster(Duration.ofSeconds(90));
    cluster.add("checkout", 10, t -> load(t) * (1 + 0.05 * noise.nextGaussian()));
    WorkloadPolicy policy =
        Policies.predictive("checkout", TARGET_PER_REPLICA, 200, STEP)
            .with(PolicyFields.FORECAST_HOLD, hold);
    OneWorkloadLoop loop = new OneWorkloadLoop(cluster, policy);

    int changes = 0;
    String held = null;
    for (long s = 0; s < 3 * DAY; s += STEP.getSeconds()) {
      Instant now = T0.plusSeconds(s);
      TickOutcome.Decided outcome = loop.tick(now);
      if (s < 2 * DAY) {
        continue;
      }
      if (outcome.decision().changesReplicas()) {
        changes++;
      }
      String explanation = outcome.decision().explanation();
      if (held == null && HELD.matcher(explanation).find()) {
        held = explanation;
      }
    }
    return new Run(changes, held);
  }

  /** A daily wave between 500 and 1,500. */
  private static double load(Instant t) {
    double day = (t.getEpochSecond() - T0.getEpochSecond()) / (double) DAY;
    return 1_000 + 500 * Math.sin(2 * Math.PI * day);
  }
}
