package io.predictivescaler.forecast;

import io.predictivescaler.forecast.feature.CoarseView;
import io.predictivescaler.forecast.select.AccuracyTracker;
import io.predictivescaler.forecast.select.ResidualQuantiles;
import io.predictivescaler.forecast.select.TrustPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The tick-thread side of a {@link SeriesForecaster}: makes forecasts with the published fitted
 * state, keeps the last {@code steps + 1} forecasts in a ring until their actuals arrive, then
 * records their residuals per step and the horizon step's accuracy next to the baselines'.
 * Everything runs under this object's lock, which refit takes only to copy the residuals.
 */
final class OnlineBook {
  private static final long MEAN_WINDOW_SECONDS = 3600;
  private final ForecastSettings settings;
  private final TrustPolicy trustPolicy;
  private final int minResiduals;
  private final int residualCapacity;

  private long stepSeconds;
  private int steps;
  private long[] origins;
  private float[][] points;
  private float[][] uppers;
  private double[] lastValues;
  private double[] means;
  private ResidualQuantiles residuals;
  private AccuracyTracker tracker;
  private long lastIngested = Long.MIN_VALUE;
  private TrustVerdict lastTrust =
      TrustVerdict.untrusted(TrustCode.InsufficientHistory, "no forecast made yet");

  OnlineBook(ForecastSettings settings, TrustPolicy trustPolicy, int minResiduals, int capacity) {
    this.settings = settings;
    this.trustPolicy = trustPolicy;
    this.minResiduals = minResiduals;
    this.residualCapacity = capacity;
  }

  synchronized Forecast forecast(RegularSeries history, SeriesForecaster.FittedState fitted) {
    ModelGrid grid =
        fitted != null && fitted.grid().stepSeconds() == history.stepSeconds()
            ? fitted.grid()
            : ModelGrid.of(settings, history.stepSeconds());
    reset(grid);
    ingest(history);
    int n = history.size();
    Instant origin = history.end();
    double last = lastValue(history);
    double[] point = new double[steps];
    double[] upper = new double[steps];
    boolean usable = fitted != null && fitted.grid().equals(grid) && !Double.isNaN(last);
    if (usable) {
      CoarseView view = CoarseView.of(history, grid.ratio());
      double[] coarse = new double[grid.context().horizonSteps()];
      fitted.model().predict(view, coarse);
      grid.expand(view.filled(0), coarse, point);
      double[] offsets = fitted.upperOffsets();
      for (int j = 0; j < steps; j++) {
        point[j] = Double.isNaN(point[j]) ? last : Math.max(0, point[j]);
        upper[j] = Math.max(point[j], point[j] + offsets[j]);
      }
    } else {
      Arrays.fill(point, last);
      Arrays.fill(upper, last);
    }
    if (n > 0) {
      remember(origin.getEpochSecond(), point, upper, last, mean(history));
    }
    Accuracy accuracy = tracker.snapshot();
    if (!usable) {
      lastTrust =
          TrustVerdict.untrusted(
              TrustCode.InsufficientHistory,
              "no model fitted yet for this series (history spans " + history.span() + ")");
      return new Forecast(
          origin,
          history.step(),
          point,
          upper,
          settings.quantile(),
          "none",
          null,
          lastTrust,
          accuracy);
    }
    Duration span =
        fitted.history().compareTo(history.span()) > 0 ? fitted.history() : history.span();
    lastTrust =
        trustPolicy.judge(
            span,
            accuracy,
            fitted.backtestMae(),
            fitted.backtestBaseline(),
            fitted.kind(),
            fitted.name());
    return new Forecast(
        origin,
        history.step(),
        point,
        upper,
        settings.quantile(),
        fitted.name(),
        fitted.fittedAt(),
        lastTrust,
        accuracy);
  }

  /** Upper-band offsets per series step: online residual quantiles where there are enough. */
  double[] upperOffsets(ModelGrid grid, double[] cold, double quantile) {
    ResidualQuantiles copy;
    synchronized (this) {
      copy =
          residuals != null && stepSeconds == grid.stepSeconds() && steps == grid.steps()
              ? residuals.copy()
              : null;
    }
    double[] out = cold.clone();
    if (copy != null) {
      for (int j = 0; j < out.length; j++) {
        if (copy.count(j) >= minResiduals) {
          out[j] = Math.max(0, copy.quantile(j, quantile));
        }
      }
    }
    return out;
  }

  synchronized TrustVerdict lastTrust() {
    return lastTrust;
  }

  synchronized Accuracy accuracy() {
    return tracker == null ? Accuracy.NONE : tracker.snapshot();
  }

  private void reset(ModelGrid grid) {
    if (grid.stepSeconds() == stepSeconds && grid.steps() == steps) {
      return;
    }
    stepSeconds = grid.stepSeconds();
    steps = grid.steps();
    origins = new long[steps + 1];
    Arrays.fill(origins, Long.MIN_VALUE);
    points = new float[steps + 1][steps];
    uppers = new float[steps + 1][steps];
    lastValues = new double[steps + 1];
    means = new double[steps + 1];
    residuals = new ResidualQuantiles(steps, residualCapacity);
    long window = settings.accuracyWindow().getSeconds() / stepSeconds;
    tracker = new AccuracyTracker((int) Math.max(window, 2L * settings.minAccuracySamples()));
    lastIngested = Long.MIN_VALUE;
  }

  private void ingest(RegularSeries history) {
    int n = history.size();
    if (n == 0) {
      return;
    }
    long start = history.start().getEpochSecond();
    long season = settings.season().getSeconds();
    int from =
        lastIngested == Long.MIN_VALUE
            ? n - 1
            : (int) Math.max(0, Math.min(n, Math.floorDiv(lastIngested - start, stepSeconds) + 1));
    from = Math.max(from, n - 1 - 4 * steps);
    for (int i = from; i < n; i++) {
      long t = start + i * stepSeconds;
      if (t <= lastIngested) {
        continue;
      }
      double y = history.values()[i];
      if (Double.isNaN(y)) {
        continue;
      }
      for (int j = 1; j <= steps; j++) {
        long origin = t - j * stepSeconds;
        int slot = slot(origin);
        if (origins[slot] != origin) {
          continue;
        }
        residuals.add(j - 1, y - points[slot][j - 1]);
        if (j == steps) {
          double seasonal = history.valueAt(Instant.ofEpochSecond(t - season));
          tracker.add(
              y, points[slot][j - 1], uppers[slot][j - 1], lastValues[slot], seasonal, means[slot]);
        }
      }
      lastIngested = t;
    }
  }

  private void remember(long origin, double[] point, double[] upper, double last, double mean) {
    int slot = slot(origin);
    origins[slot] = origin;
    for (int j = 0; j < steps; j++) {
      points[slot][j] = (float) point[j];
      uppers[slot][j] = (float) upper[j];
    }
    lastValues[slot] = last;
    means[slot] = mean;
  }

  private int slot(long origin) {
    return (int) Math.floorMod(Math.floorDiv(origin, stepSeconds), (long) steps + 1);
  }

  private static double lastValue(RegularSeries history) {
    float[] v = history.values();
    for (int i = v.length - 1; i >= 0; i--) {
      if (!Float.isNaN(v[i])) {
        return v[i];
      }
    }
    return Double.NaN;
  }

  private double mean(RegularSeries history) {
    float[] v = history.values();
    int count = (int) Math.max(1, MEAN_WINDOW_SECONDS / stepSeconds);
    double sum = 0;
    int n = 0;
    for (int i = Math.max(0, v.length - count); i < v.length; i++) {
      if (!Float.isNaN(v[i])) {
        sum += v[i];
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
