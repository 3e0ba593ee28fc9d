package io.predictivescaler.bench.trace;

import java.time.Duration;

/** Linear interpolation of a {@link Trace} onto a new regular step. */
final class TraceResampler {

  private TraceResampler() {}

  static Trace resample(Trace trace, Duration step) {
    if (step.isNegative() || step.isZero() || step.getNano() != 0) {
      throw new IllegalArgumentException(
          "step must be a positive whole number of seconds, got " + step);
    }
    long stepSeconds = step.getSeconds();
    long[] source = trace.epochSeconds();
    double[] sourceValues = trace.values();
    long first = source[0];
    long span = source[source.length - 1] - first;
    int n = Math.toIntExact(span / stepSeconds + 1);
    long[] times = new long[n];
    double[] values = new double[n];
    int j = 0;
    for (int i = 0; i < n; i++) {
      long t = first + i * stepSeconds;
      while (j + 1 < source.length && source[j + 1] <= t) {
        j++;
      }
      times[i] = t;
      if (j + 1 >= source.length || source[j] == t) {
        values[i] = sourceValues[j];
      } else {
        double fraction = (double) (t - source[j]) / (source[j + 1] - source[j]);
        values[i] = sourceValues[j] + fraction * (sourceValues[j + 1] - sourceValues[j]);
      }
    }
    return new Trace(
        trace.name(), times, values, trace.sourceInterval(), trace.filledPoints(), trace.repairs());
  }
}
