package io.predictivescaler.bench.cli;

import io.predictivescaler.bench.replay.ReplayProgress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress for a log rather than a terminal (CI, {@code nohup}, a pipe): one line each time another
 * {@code every} percent is done, so a long sweep shows it is alive without flooding the log.
 */
final class ProgressLines implements ReplayProgress {

  private final PrintStream out;
  private final int every;
  private int shown;

  ProgressLines(PrintStream out, int every) {
    if (every < 1 || every > 100) {
      throw new IllegalArgumentException("every must be in [1, 100], got " + every);
    }
    this.out = out;
    this.every = every;
  }

  @Override
  public void update(String run, long ticksDone, long ticksTotal) {
    int percent = ReplayProgress.percent(ticksDone, ticksTotal);
    int reached = percent / every * every;
    if (reached <= shown) {
      return;
    }
    shown = reached;
    out.println(String.format(Locale.ROOT, "replay: %3d%% (%s)", reached, run));
    out.flush();
  }
}
