package io.predictivescaler.bench.cli;

import io.predictivescaler.bench.replay.ReplayProgress;
import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on a terminal, redrawn when the percentage changes. */
final class ProgressBar implements ReplayProgress {

  private static final int WIDTH = 30;
  private final PrintStream out;
  private int shown = -1;

  ProgressBar(PrintStream out) {
    this.out = out;
  }

  /** A bar on stderr when attached to a terminal, otherwise a line on stderr every 10 %. */
  static ReplayProgress forConsole() {
    return System.console() != null
        ? new ProgressBar(System.err)
        : new ProgressLines(System.err, 10);
  }

  @Override
  public void update(String run, long ticksDone, long ticksTotal) {
    int percent = ReplayProgress.percent(ticksDone, ticksTotal);
    if (percent == shown) {
      return;
    }
    shown = percent;
    int filled = percent * WIDTH / 100;
    out.print(
        String.format(
            Locale.ROOT,
            "\r[%s%s] %3d%% %-24s",
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            percent,
            run));
    if (percent == 100) {
      out.print("\r" + " ".repeat(WIDTH + 32) + "\r");
    }
    out.flush();
  }
}
