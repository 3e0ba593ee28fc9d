package io.predictivescaler.bench.eval;

import io.predictivescaler.bench.cli.BenchCli;
import io.predictivescaler.bench.cli.DurationConverter;
import io.predictivescaler.bench.cli.StrictTraceOption;
import io.predictivescaler.bench.trace.Trace;
import io.predictivescaler.forecast.ForecastSettings;
import io.predictivescaler.forecast.ModelKind;
import io.predictivescaler.forecast.RegularSeries;
import io.predictivescaler.forecast.eval.EvaluationReport;
import io.predictivescaler.forecast.eval.ModelScore;
import io.predictivescaler.forecast.eval.NoiseFloor;
import io.predictivescaler.forecast.eval.RollingOriginEvaluator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code forecast-eval}: rolling-origin evaluation of forecasters on a trace with the service's 24
 * h window, origins after the first 48 h, refits on the service's schedule.
 */
@Command(
    name = "forecast-eval",
    mixinStandardHelpOptions = true,
    description =
        "Rolling-origin evaluation of forecasters on a trace, as the service runs them: a 24 h"
            + " window, origins after the first 48 h, refits every --refit. Prints a table and"
            + " writes DIR/forecast-eval.json. Times are the evaluating thread's CPU time.")
public final class ForecastEvalCommand implements Callable<Integer> {
  static final String DEFAULT_MODELS = "auto,linear,holt,holt-winters,seasonal-naive,last-value";

  @Spec CommandSpec spec;

  @Option(
      names = "--trace",
      required = true,
      paramLabel = "FILE.csv",
      description =
          "Trace CSV of two columns, time and load, under a header of any two names"
              + " (timestamp,value) or none.")
  Path trace;

  @Mixin StrictTraceOption strictTrace;

  @Option(
      names = "--horizon",
      defaultValue = "15m",
      converter = DurationConverter.class,
      description = "Forecast horizon scored (default: ${DEFAULT-VALUE}); at least one trace step.")
  Duration horizon;

  @Option(
      names = "--models",
      split = ",",
      defaultValue = DEFAULT_MODELS,
      description = "Models to evaluate (default: ${DEFAULT-VALUE}).")
  List<String> models;

  @Option(
      names = "--out",
      defaultValue = ".",
      paramLabel = "DIR",
      description = "Directory for forecast-eval.json (default: current directory).")
  Path out;

  @Option(
      names = "--stride",
      defaultValue = "1",
      description = "Evaluate every N-th origin to bound run time (default: ${DEFAULT-VALUE}).")
  int stride;

  @Option(
      names = "--refit",
      defaultValue = "1h",
      converter = DurationConverter.class,
      description = "Refit interval (default: ${DEFAULT-VALUE}).")
  Duration refit;

  @Option(names = "--verbose", description = "Print stack traces of errors.")
  boolean verbose;

  public static void main(String[] args) {
    System.exit(BenchCli.configure(new CommandLine(new ForecastEvalCommand())).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (stride < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--stride: must be >= 1, got " + stride);
    }
    for (String model : models) {
      try {
        ModelKind.parse(model);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--models: " + e.getMessage());
      }
    }
    Trace t = strictTrace.load(trace, spec.commandLine().getErr());
    RegularSeries series = toSeries(t);
    ForecastSettings settings =
        ForecastSettings.defaults().withHorizon(horizon).withRefitInterval(refit);
    RollingOriginEvaluator evaluator =
        new RollingOriginEvaluator(settings, Duration.ofDays(1), Duration.ofDays(2), stride);
    EvaluationReport report = evaluator.evaluate(series, models, progress());
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(table(t.name(), report));
    Path file =
        ForecastEvalJson.write(out, ForecastEvalJson.toJson(t, report, horizon.getSeconds()));
    stdout.println("wrote " + file);
    stdout.flush();
    return 0;
  }

  static RegularSeries toSeries(Trace t) {
    float[] values = new float[t.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) t.values()[i];
    }
    return new RegularSeries(Instant.ofEpochSecond(t.epochSeconds()[0]), t.step(), values);
  }

  static String table(String name, EvaluationReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%s: step %ds, horizon %ds, %d origins (every %d)%n",
            name,
            r.stepSeconds(),
            r.horizonSeconds(),
            r.origins(),
            r.originStride()));
    sb.append(
        String.format(
            Locale.ROOT,
            "%-15s %10s %10s %8s %6s %6s %8s %10s %10s%n",
            "model",
            "MAE",
            "RMSE",
            "sMAPE%",
            "MASE",
            "under",
            "trusted",
            "fit ms",
            "predict us"));
    for (Map.Entry<String, ModelScore> e : r.models().entrySet()) {
      ModelScore s = e.getValue();
      sb.append(
          String.format(
              Locale.ROOT,
              "%-15s %10.4g %10.4g %8.2f %6.3f %6.2f %8.2f %10.2f %10.2f%n",
              e.getKey(),
              s.mae(),
              s.rmse(),
              s.smape(),
              s.mase(),
              s.underShare(),
              s.trustedShare(),
              s.fitMillisMedian(),
              s.predictMicrosMedian()));
    }
    NoiseFloor floor = r.noiseFloor();
    sb.append(
        String.format(
            Locale.ROOT,
            "%-15s %10.4g   (reference, sees the future: each point from the mean of its %d"
                + " neighbour(s) on each side)%n",
            "noise floor",
            floor.mae(),
            floor.halfWidth()));
    return sb.toString();
  }

  private IntConsumer progress() {
    if (System.console() == null) {
      return null;
    }
    return done -> System.err.print("\r" + done + " origins ");
  }
}
