package io.predictivescaler.bench.jmh;

import io.predictivescaler.bench.scale.DailyLoad;
import io.predictivescaler.forecast.Forecast;
import io.predictivescaler.forecast.ForecastSettings;
import io.predictivescaler.forecast.RegularSeries;
import io.predictivescaler.forecast.SeriesForecaster;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link SeriesForecaster} with {@link ForecastSettings#defaults()} (model {@code auto}, and {@code
 * linear} to show the Tribuo fit) on 24 h of a daily load with 5 % noise (fixed seed), at a 1 min
 * and a 15 s step:
 *
 * <ul>
 *   <li>{@code fitWithSelection}: a new forecaster's first refit: archive merge, {@code auto}'s
 *       backtest of every candidate (repeated every {@code repickInterval}, 6 h), and the fit;
 *   <li>{@code refit}: the hourly refit of a forecaster whose model choice is still current;
 *   <li>{@code forecast}: the per-tick prediction with upper band and trust verdict.
 * </ul>
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main ForecasterBenchmark
 * -f 1 -wi 2 -i 3}
 */
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Thread)
public class ForecasterBenchmark {

  private static final Instant NOW = Instant.parse("2026-03-03T00:00:00Z");
  private static final Duration HISTORY = Duration.ofHours(24);
  private static final DailyLoad LOAD = new DailyLoad(1000, 0.6, 0, 0.05, 42);

  @Param({"60", "15"})
  public int stepSeconds;

  /**
   * {@code auto} (the default) picks Holt on one day of history; {@code linear} is Tribuo's fit.
   */
  @Param({"auto", "linear"})
  public String model;

  private ForecastSettings settings;
  private RegularSeries history;
  private SeriesForecaster fitted;

  @Setup(Level.Trial)
  public void setUp() {
    settings = ForecastSettings.defaults().withModel(model);
    history = history(LOAD, Duration.ofSeconds(stepSeconds), NOW);
    fitted = new SeriesForecaster(settings);
    fitted.refit(history, NOW);
    if (fitted.status().modelInUse() == null) {
      throw new IllegalStateException("no model fitted on " + history);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public SeriesForecaster fitWithSelection() {
    SeriesForecaster forecaster = new SeriesForecaster(settings);
    forecaster.refit(history, NOW);
    return forecaster;
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public SeriesForecaster refit() {
    fitted.refit(history, NOW);
    return fitted;
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Forecast forecast() {
    return fitted.forecast(history, NOW);
  }

  /**
   * {@link #HISTORY} of {@code load} at {@code step}, the newest point one step before {@code end}.
   */
  static RegularSeries history(DailyLoad load, Duration step, Instant end) {
    return load.series(end.minus(HISTORY), end, step);
  }
}
