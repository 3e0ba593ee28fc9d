package io.predictivescaler.forecast;

/**
 * How a series with a given step maps onto the model grid: models fit on means of {@code ratio}
 * series points (1-min means for a 15 s series; the series itself when its step is a minute or
 * more), which keeps fit cost down and damps sampling noise; forecasts are interpolated back to the
 * series step.
 *
 * @param stepSeconds the series step
 * @param ratio series points per model-grid bucket
 * @param steps forecast steps on the series grid (horizon / step, rounded up, at least one)
 * @param context the model grid, horizon and season in buckets
 */
record ModelGrid(long stepSeconds, int ratio, int steps, ModelContext context) {

  static ModelGrid of(ForecastSettings settings, long stepSeconds) {
    int ratio = (int) Math.max(1, settings.modelStep().getSeconds() / stepSeconds);
    long grid = stepSeconds * ratio;
    int steps = (int) Math.max(1, ceilDiv(settings.horizon().getSeconds(), stepSeconds));
    int horizon = (int) ceilDiv(steps, ratio);
    int season =
        (int) Math.max(horizon + 1, Math.round(settings.season().getSeconds() / (double) grid));
    return new ModelGrid(stepSeconds, ratio, steps, new ModelContext(grid, horizon, season));
  }

  /** Expands forecasts on the model grid ({@code coarse[0]} one bucket ahead) to series steps. */
  void expand(double now, double[] coarse, double[] out) {
    if (ratio == 1) {
      System.arraycopy(coarse, 0, out, 0, out.length);
      return;
    }
    for (int j = 1; j <= out.length; j++) {
      double tau = j / (double) ratio;
      int lo = (int) Math.floor(tau);
      double w = tau - lo;
      double a = lo == 0 ? now : coarse[Math.min(lo, coarse.length) - 1];
      double b = coarse[Math.min(lo + 1, coarse.length) - 1];
      out[j - 1] = a + (b - a) * w;
    }
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
