package io.predictivescaler.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.predictivescaler.bench.cli.ReplayCommand;
import io.predictivescaler.bench.strategy.StrategyFactory;
import io.predictivescaler.bench.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayWindowsTest {
  private static final long DAY = 86_400;
  private static final long MIDNIGHT = 1_700_000_000L - 1_700_000_000L % DAY;

  /** {@code days} days of five-minute points from {@code offset} seconds after a midnight. */
  private static Trace days(double days, long offset) {
    int points = (int) Math.round(days * 288);
    long[] times = new long[points];
    double[] values = new double[points];
    for (int i = 0; i < points; i++) {
      times[i] = MIDNIGHT + offset + 300L * i;
      values[i] = 100 + 50 * Math.sin(2 * Math.PI * i / 288);
    }
    return new Trace("wave.csv", times, values, Duration.ofMinutes(5), 0);
  }

  @Test
  void aWindowStartsAtEveryMidnightThatLeavesItWhole() {
    List<Trace> windows = ReplayWindows.split(days(5, 0), 3);

    assertThat(windows).hasSize(3);
    for (int w = 0; w < windows.size(); w++) {
      Trace window = windows.get(w);
      assertThat(window.start()).isEqualTo(Instant.ofEpochSecond(MIDNIGHT + w * DAY));
      assertThat(window.end()).isEqualTo(Instant.ofEpochSecond(MIDNIGHT + (w + 3) * DAY - 300));
      assertThat(window.size()).isEqualTo(3 * 288);
      assertThat(window.values()[0]).isEqualTo(days(5, 0).values()[w * 288]);
    }
    assertThat(windows.get(1).name())
        .isEqualTo("wave.csv@" + Instant.ofEpochSecond(MIDNIGHT + DAY).toString().substring(0, 10));
  }

  @Test
  void aTraceThatStartsDuringADayFirstWindowsAtTheNextMidnight() {
    List<Trace> windows = ReplayWindows.split(days(4.5, 12 * 3600), 2);

    assertThat(windows)
        .extracting(Trace::start)
        .containsExactly(
            Instant.ofEpochSecond(MIDNIGHT + DAY),
            Instant.ofEpochSecond(MIDNIGHT + 2 * DAY),
            Instant.ofEpochSecond(MIDNIGHT + 3 * DAY));
  }

  @Test
  void aTraceOffTheMidnightGridStartsEachWindowAtItsFirstPointAfterMidnight() {
    List<Trace> windows = ReplayWindows.split(days(3, 53), 1);

    assertThat(windows).hasSize(3);
    assertThat(windows.get(0).start()).isEqualTo(Instant.ofEpochSecond(MIDNIGHT + 53));
  }

  @Test
  void aTraceShorterThanOneWindowHasNone() {
    assertThat(ReplayWindows.split(days(2.9, 0), 3)).isEmpty();
    assertThat(ReplayWindows.split(days(3, 0), 3)).hasSize(1);
  }

  @Test
  void rejectsADayCountOutsideItsRange() {
    assertThatThrownBy(() -> ReplayWindows.split(days(3, 0), 0))
        .hasMessage("days must be between 1 and " + ReplayWindows.MAX_DAYS + ", got 0");
    assertThatThrownBy(() -> ReplayWindows.split(days(3, 0), ReplayWindows.MAX_DAYS + 1))
        .hasMessageContaining("got " + (ReplayWindows.MAX_DAYS + 1));
  }

  @Test
  void eachWindowIsReplayedOnItsOwnAsAReplayOfThatWindowAloneWould() {
    Trace trace = days(4, 0);
    ReplaySettings settings = ReplayCommand.settingsFor().forWindows();
    List<String> progress = new ArrayList<>();

    List<WindowOutcome> outcomes =
        new ReplayWindows(ReplayFixtures.testFactory(), 2)
            .run(trace, settings, 2, (run, done, total) -> progress.add(done + "/" + total));

    List<Trace> windows = ReplayWindows.split(trace, 2);
    assertThat(outcomes).hasSize(3);
    assertThat(progress).containsExactlyInAnyOrder("1/3", "2/3", "3/3");
    for (int w = 0; w < windows.size(); w++) {
      ReplayResult alone =
          new ReplayRunner(ReplayFixtures.testFactory(), SweepKnobs.defaults(), 1)
              .run(windows.get(w), settings, ReplayProgress.NONE);
      WindowOutcome outcome = outcomes.get(w);
      assertThat(outcome.start()).isEqualTo(windows.get(w).start());
      assertThat(outcome.end()).isEqualTo(windows.get(w).start().plus(Duration.ofDays(2)));
      assertThat(outcome.hpa()).isEqualTo(alone.runs().get(StrategyFactory.HPA).metrics());
      assertThat(outcome.predictive())
          .isEqualTo(alone.runs().get(StrategyFactory.PREDICTIVE).metrics());
    }
  }
}
