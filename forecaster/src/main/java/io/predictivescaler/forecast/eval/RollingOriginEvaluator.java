package io.predictivescaler.forecast.eval;

import io.predictivescaler.forecast.Forecast;
import io.predictivescaler.forecast.ForecastSettings;
import io.predictivescaler.forecast.ModelKind;
import io.predictivescaler.forecast.RegularSeries;
import io.predictivescaler.forecast.SeriesForecaster;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Rolling-origin evaluation that runs each model exactly as the service does: at every origin the
 * model's {@link SeriesForecaster} sees the last {@code window} of the series (24 h in the
 * service), refits when its refit interval says so, and forecasts; the forecast at the horizon is
 * scored against the series. Origins start once {@code warmUp} (48 h) of the series has passed, and
 * every {@code stride}-th step is an origin (1 = every step).
 */
public final class RollingOriginEvaluator {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final ForecastSettings base;
  private final Duration window;
  private final Duration warmUp;
  private final int stride;

  public RollingOriginEvaluator(
      ForecastSettings base, Duration window, Duration warmUp, int stride) {
    if (stride < 1) {
      throw new IllegalArgumentException("stride: must be >= 1, got " + stride);
    }
    this.base = base;
    this.window = window;
    this.warmUp = warmUp;
    this.stride = stride;
  }

  /** The service's set-up: 24 h window, origins after 48 h, every step. */
  public static RollingOriginEvaluator service(ForecastSettings base) {
    return new RollingOriginEvaluator(base, Duration.ofDays(1), Duration.ofDays(2), 1);
  }

  /**
   * Evaluates {@code models} (config names) on {@code series}; {@code progress} receives the number
   * of origins done for the model being evaluated.
   */
  public EvaluationReport evaluate(
      RegularSeries series, List<String> models, IntConsumer progress) {
    long s = series.stepSeconds();
    int steps = (int) Math.max(1, -Math.floorDiv(-base.horizon().getSeconds(), s));
    int windowPoints = (int) Math.max(1, window.getSeconds() / s);
    int first = (int) Math.max(windowPoints - 1, warmUp.getSeconds() / s);
    int last = series.size() - 1 - steps;
    if (last < first) {
      throw new IllegalArgumentException(
          "series: "
              + series.size()
              + " points of "
              + series.step()
              + " are too few for a "
              + warmUp
              + " warm-up and a "
              + base.horizon()
              + " horizon");
    }
    int seasonPoints = (int) (base.season().getSeconds() / s);
    Map<String, ModelScore> scores = new LinkedHashMap<>();
    int origins = 0;
    for (String model : models) {
      ModelKind.parse(model);
      SeriesForecaster forecaster = new SeriesForecaster(base.withModel(model));
      ErrorAccumulator acc = new ErrorAccumulator();
      origins = 0;
      for (int i = first; i <= last; i += stride) {
        RegularSeries view = windowEndingAt(series, i, windowPoints);
        Instant now = view.end();
        if (forecaster.refitDue(now)) {
          long t0 = cpuNanos();
          forecaster.refit(view, now);
          acc.fitTook((cpuNanos() - t0) / 1e6);
        }
        long t1 = cpuNanos();
        Forecast f = forecaster.forecast(view, now);
        acc.predictTook((cpuNanos() - t1) / 1e3);
        double actual = series.values()[i + steps];
        if (!Double.isNaN(actual)) {
          int k = i + steps - seasonPoints;
          double seasonal = k >= 0 ? series.values()[k] : Double.NaN;
          acc.add(actual, f.point()[steps - 1], f.upper()[steps - 1], seasonal, f.trusted());
        }
        origins++;
        if (progress != null && origins % 500 == 0) {
          progress.accept(origins);
        }
      }
      scores.put(model, acc.score());
    }
    NoiseFloor floor = NoiseFloor.of(series.values(), first + steps, last + steps, stride);
    return new EvaluationReport(s, steps * s, origins, stride, scores, floor);
  }

  /**
   * CPU time of this thread: on a shared machine wall time mostly measures the other tenants. Falls
   * back to wall time where the JVM cannot measure thread CPU time.
   */
  private static long cpuNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported()
        ? THREADS.getCurrentThreadCpuTime()
        : System.nanoTime();
  }

  private static RegularSeries windowEndingAt(RegularSeries series, int end, int points) {
    int from = Math.max(0, end - points + 1);
    return new RegularSeries(
        series.timeAt(from), series.step(), Arrays.copyOfRange(series.values(), from, end + 1));
  }
}
