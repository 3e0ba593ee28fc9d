package io.predictivescaler.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

/** Deterministic synthetic series for tests. */
public final class Synthetic {
  public static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  private Synthetic() {}

  public static RegularSeries series(Duration step, int n, IntToDoubleFunction f) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) f.applyAsDouble(i);
    }
    return new RegularSeries(T0, step, v);
  }

  /** 100 + 50 sin(2 pi t / 1 day) + N(0, sigma), fixed seed. */
  public static RegularSeries dailySine(Duration step, int n, double sigma, long seed) {
    Random r = new Random(seed);
    double perDay = 86_400.0 / step.getSeconds();
    return series(
        step, n, i -> 100 + 50 * Math.sin(2 * Math.PI * i / perDay) + sigma * r.nextGaussian());
  }

  /**
   * Busy weekdays, quiet weekends (T0 is a Monday): 100 at night and all weekend; on weekdays the
   * load climbs to 400 from 7:00 to 9:00 and falls back from 17:00 to 19:00 (UTC); N(0, 3) noise.
   */
  public static RegularSeries officeWeeks(Duration step, int n, long seed) {
    Random r = new Random(seed);
    double perHour = 3600.0 / step.getSeconds();
    int perDay = (int) (24 * perHour);
    return series(
        step,
        n,
        i -> {
          double hour = (i % perDay) / perHour;
          boolean weekday = (i / perDay) % 7 < 5;
          double busy = Math.max(0, Math.min(1, Math.min((hour - 7) / 2, (19 - hour) / 2)));
          return 100 + (weekday ? 300 * busy : 0) + 3 * r.nextGaussian();
        });
  }

  public static RegularSeries noise(Duration step, int n, double sigma, long seed) {
    Random r = new Random(seed);
    return series(step, n, i -> 100 + sigma * r.nextGaussian());
  }

  /** The last {@code points} of {@code s} ending at index {@code end}. */
  public static RegularSeries window(RegularSeries s, int end, int points) {
    int from = Math.max(0, end - points + 1);
    return new RegularSeries(
        s.timeAt(from), s.step(), java.util.Arrays.copyOfRange(s.values(), from, end + 1));
  }
}
