package io.predictivescaler.core.tick;

import io.predictivescaler.collector.window.WindowSnapshot;
import io.predictivescaler.forecast.RegularSeries;

/** The collector's window snapshot as the forecaster's series type (the arrays are shared). */
public final class WindowSeries {

  private WindowSeries() {}

  public static RegularSeries of(WindowSnapshot snapshot) {
    return new RegularSeries(snapshot.start(), snapshot.step(), snapshot.values());
  }
}
