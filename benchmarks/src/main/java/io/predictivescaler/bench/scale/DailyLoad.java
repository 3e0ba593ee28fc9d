package io.predictivescaler.bench.scale;

import io.predictivescaler.forecast.RegularSeries;
import java.time.Duration;
import java.time.Instant;

/**
 * A synthetic daily load: a base level, a daily wave with a second harmonic (a morning and an
 * afternoon peak, a night trough), shifted by a phase, plus Gaussian noise. The noise is a pure
 * function of the seed and the second, so a value does not depend on the order of the calls and a
 * workload carries no random-generator state.
 *
 * @param base mean load
 * @param amplitude relative daily swing, in [0, 1)
 * @param phaseSeconds shift of the daily pattern
 * @param noise standard deviation of the noise, relative to {@code base}
 * @param seed noise seed
 */
public record DailyLoad(double base, double amplitude, long phaseSeconds, double noise, long seed) {

  private static final long DAY = 86_400;

  public DailyLoad {
    if (!(base > 0)) {
      throw new IllegalArgumentException("base must be > 0, got " + base);
    }
    if (!(amplitude >= 0 && amplitude < 1)) {
      throw new IllegalArgumentException("amplitude must be in [0, 1), got " + amplitude);
    }
    if (!(noise >= 0)) {
      throw new IllegalArgumentException("noise must be >= 0, got " + noise);
    }
  }

  /** Load at {@code t}, never negative. */
  public double at(Instant t) {
    return at(t.getEpochSecond());
  }

  /** Load at epoch second {@code second}, never negative. */
  public double at(long second) {
    double day = Math.floorMod(second + phaseSeconds, DAY) / (double) DAY;
    double wave =
        Math.sin(2 * Math.PI * (day - 0.25)) * 0.75 + Math.sin(4 * Math.PI * (day - 0.25)) * 0.25;
    double value = base * (1 + amplitude * wave) + base * noise * gaussian(seed, second);
    return Math.max(0, value);
  }

  /** The load at each {@code step} from {@code from} (inclusive) to {@code to} (exclusive). */
  public RegularSeries series(Instant from, Instant to, Duration step) {
    long s = step.getSeconds();
    int n = (int) ((to.getEpochSecond() - from.getEpochSecond()) / s);
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) at(from.getEpochSecond() + i * s);
    }
    return new RegularSeries(from, step, values);
  }

  /** A standard normal draw that depends only on {@code seed} and {@code key} (Box-Muller). */
  static double gaussian(long seed, long key) {
    long a = mix(seed * 0x9E3779B97F4A7C15L + key);
    long b = mix(a ^ 0xD1B54A32D192ED03L);
    double u1 = ((a >>> 11) + 1) * 0x1.0p-53;
    double u2 = (b >>> 11) * 0x1.0p-53;
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** SplitMix64's finalizer. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
