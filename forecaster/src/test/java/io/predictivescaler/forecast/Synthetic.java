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
