package io.predictivescaler.bench.cli;

import io.predictivescaler.bench.replay.Durations;
import io.predictivescaler.bench.replay.ReplayProgress;
import io.predictivescaler.bench.replay.ReplayResult;
import io.predictivescaler.bench.replay.ReplayRunner;
import io.predictivescaler.bench.replay.ReplaySettings;
import io.predictivescaler.bench.replay.ReplayWindows;
import io.predictivescaler.bench.replay.SweepKnobs;
import io.predictivescaler.bench.replay.SweepRange;
import io.predictivescaler.bench.replay.WindowOutcome;
import io.predictivescaler.bench.replay.WindowReplays;
import io.predictivescaler.bench.report.HtmlReport;
import io.predictivescaler.bench.report.JsonReport;
import io.predictivescaler.bench.report.SummaryTable;
import io.predictivescaler.bench.report.TickCsv;
import io.predictivescaler.bench.report.WindowsSection;
import io.predictivescaler.bench.strategy.ReplayPolicy;
import io.predictivescaler.bench.strategy.StrategyContext;
import io.predictivescaler.bench.strategy.StrategyFactory;
import io.predictivescaler.bench.trace.Trace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code replay}: docs/ARCHITECTURE.md §9. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Replays a load trace through a simulated cluster under each scaling strategy and writes"
          + " DIR/report.json, DIR/report.html and a summary table on stdout.",
      "Without --trace it replays the bundled NASA HTTP July 1995 trace."
    })
public final class ReplayCommand implements Callable<Integer> {

  /** The real trace replayed when no {@code --trace} is given. */
  public static final String DEFAULT_TRACE = "/traces/nasa_http_jul95_1min.csv";

  @Spec CommandSpec spec;

  @Option(
      names = "--trace",
      paramLabel = "FILE.csv",
      description =
          "Trace CSV of two columns, time and load, under a header of any two names"
              + " (timestamp,value) or none.")
  Path trace;

  @Mixin StrictTraceOption strictTrace;

  @Option(
      names = "--peak-replicas",
      defaultValue = "20",
      description = "Replicas the trace's peak needs at full capacity (default: ${DEFAULT-VALUE}).")
  int peakReplicas;

  @Option(
      names = "--step",
      defaultValue = "15s",
      converter = DurationConverter.class,
      description = "Control step (default: ${DEFAULT-VALUE}).")
  Duration step;

  @Option(
      names = "--horizon",
      defaultValue = "10m",
      converter = DurationConverter.class,
      description = "Forecast horizon (default: ${DEFAULT-VALUE}).")
  Duration horizon;

  @Option(
      names = "--startup-delay",
      defaultValue = "90s",
      converter = DurationConverter.class,
      description = "From asking for a pod to the pod being Ready (default: ${DEFAULT-VALUE}).")
  Duration startupDelay;

  @Option(
      names = "--metric-delay",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description = "How late the scalers see the load (default: ${DEFAULT-VALUE}).")
  Duration metricDelay;

  @Option(
      names = "--policy",
      paramLabel = "FILE.yaml",
      description = "Scaling policy in the service's ConfigMap schema (policies.yaml).")
  Path policy;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "report",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--utilization",
      defaultValue = "1.0",
      description =
          "Load per replica predictive sizes its calibrated peak band for, as a share of capacity,"
              + " in (0, 2] (default: ${DEFAULT-VALUE}: the band already carries the margin its"
              + " risk budget buys; above 1 plans for more load per replica than a replica"
              + " serves, as the cheap end of the sweep does).")
  double utilization;

  @Option(
      names = "--hpa-utilization",
      defaultValue = "0.8",
      description = "Target utilization of hpa, in (0, 1] (default: ${DEFAULT-VALUE}).")
  double hpaUtilization;

  @Option(
      names = "--sweep",
      paramLabel = "FROM:TO:STEP",
      converter = SweepConverter.class,
      description =
          "Also run hpa at each target utilization and predictive over its risk budget,"
              + " e.g. 0.6:0.95:0.05.")
  SweepRange sweep;

  @Option(
      names = "--windows",
      paramLabel = "DAYS",
      description =
          "Also replay every whole window of DAYS days (one from each UTC midnight) on its own,"
              + " hpa against predictive from a cold start, and count the windows in which"
              + " predictive missed the default contract.")
  Integer windows;

  @Option(
      names = "--ticks",
      description =
          "Also write DIR/ticks.csv: every tick's time and load (in replicas' worth) and, for each"
              + " strategy, its replicas, Ready replicas, whether it was overloaded and the"
              + " reason of its decision.")
  boolean ticks;

  @Option(
      names = "--strategies",
      split = ",",
      defaultValue = "hpa,predictive,oracle",
      description = "Strategies to run (default: ${DEFAULT-VALUE}).")
  List<String> strategies;

  @Option(
      names = "--threads",
      description =
          "Runs simulated at once, strategies and sweep points (default: the available processors,"
              + " here ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--verbose", description = "Print stack traces of errors.")
  boolean verbose;

  private final StrategyFactory factory;

  public ReplayCommand() {
    this(StrategyFactory.defaults());
  }

  public ReplayCommand(StrategyFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() throws IOException {
    ReplaySettings settings = validatedSettings();
    PrintWriter err = spec.commandLine().getErr();
    Trace loaded =
        trace != null ? strictTrace.load(trace, err) : strictTrace.loadResource(DEFAULT_TRACE, err);
    for (String name : settings.strategies()) {
      if (!factory.has(name)) {
        err.println("warning: strategy '" + name + "' is not available in this build yet; skipped");
      }
    }
    ReplayRunner runner = new ReplayRunner(factory, SweepKnobs.defaults(), threads);
    if (settings.sweep().isPresent() && runner.sweptStrategies().isEmpty()) {
      err.println("warning: --sweep needs hpa or predictive, neither available yet; no sweep ran");
    }
    if (settings.strategies().stream().noneMatch(factory::has)) {
      throw new IllegalStateException(
          "none of the strategies "
              + settings.strategies()
              + " is available in this build; available: "
              + String.join(", ", factory.names()));
    }
    err.flush();

    ReplayProgress progress = ProgressBar.forConsole();
    ReplayResult result = runner.run(loaded, settings, progress);
    if (windows != null) {
      List<WindowOutcome> outcomes =
          new ReplayWindows(factory, threads)
              .run(loaded, settings, windows, ProgressBar.forConsole());
      result = result.withWindows(new WindowReplays(windows, outcomes));
    }

    Files.createDirectories(out);
    Path json = out.resolve("report.json");
    Path html = out.resolve("report.html");
    JsonReport.write(result, json);
    HtmlReport.write(result, html);
    Path tickCsv = out.resolve("ticks.csv");
    if (ticks) {
      TickCsv.write(result, tickCsv);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(
        "%s: %d points, %d ticks of %s%n",
        loaded.name(), loaded.size(), result.scenario().ticks(), Durations.format(step));
    stdout.print(SummaryTable.render(result));
    result.windows().ifPresent(w -> stdout.println(WindowsSection.line(w)));
    stdout.println("report: " + html.toAbsolutePath().normalize());
    stdout.println("json:   " + json.toAbsolutePath().normalize());
    if (ticks) {
      stdout.println("ticks:  " + tickCsv.toAbsolutePath().normalize());
    }
    stdout.flush();
    return CommandLine.ExitCode.OK;
  }

  /**
   * The settings a run with {@code args} would use, validated as the run validates them: the
   * command's defaults wherever {@code args} are silent. The trace and policy files are checked but
   * not read.
   *
   * @throws ParameterException naming the option and value that are not valid
   */
  public static ReplaySettings settingsFor(String... args) {
    ReplayCommand command = new ReplayCommand();
    new CommandLine(command).parseArgs(args);
    return command.validatedSettings();
  }

  private ReplaySettings validatedSettings() {
    if (trace != null && !Files.isRegularFile(trace)) {
      throw invalid("--trace", trace, "no such file");
    }
    if (policy != null && !Files.isRegularFile(policy)) {
      throw invalid("--policy", policy, "no such file");
    }
    if (policy != null) {
      try {
        ReplayPolicy.load(policy);
      } catch (IllegalArgumentException e) {
        throw invalid("--policy", policy, e.getMessage());
      }
    }
    if (peakReplicas < 1 || peakReplicas > 10_000) {
      throw invalid("--peak-replicas", peakReplicas, "must be between 1 and 10000");
    }
    if (step.compareTo(Duration.ofSeconds(1)) < 0 || step.getNano() != 0) {
      throw invalid("--step", Durations.format(step), "must be a whole number of seconds >= 1s");
    }
    if (horizon.isZero() || horizon.isNegative()) {
      throw invalid("--horizon", Durations.format(horizon), "must be > 0");
    }
    if (threads < 1 || threads > 256) {
      throw invalid("--threads", threads, "must be between 1 and 256");
    }
    requireUtilization("--utilization", utilization, StrategyContext.MAX_UTILIZATION);
    requireUtilization("--hpa-utilization", hpaUtilization, 1);
    if (windows != null && (windows < 1 || windows > ReplayWindows.MAX_DAYS)) {
      throw invalid("--windows", windows, "must be between 1 and " + ReplayWindows.MAX_DAYS);
    }
    if (strategies.isEmpty()) {
      throw invalid("--strategies", "", "name at least one of " + StrategyFactory.KNOWN);
    }
    for (String name : strategies) {
      if (!StrategyFactory.KNOWN.contains(name)) {
        throw invalid(
            "--strategies", name, "unknown strategy; choose from " + StrategyFactory.KNOWN);
      }
    }
    if (new HashSet<>(strategies).size() != strategies.size()) {
      throw invalid("--strategies", String.join(",", strategies), "a strategy is named twice");
    }
    return new ReplaySettings(
        peakReplicas,
        step,
        horizon,
        startupDelay,
        metricDelay,
        utilization,
        hpaUtilization,
        strategies,
        Optional.ofNullable(sweep),
        Optional.ofNullable(policy));
  }

  private void requireUtilization(String option, double value, double max) {
    if (!(value > 0 && value <= max)) {
      throw invalid(option, value, "must be in (0, " + (int) max + "]");
    }
  }

  private ParameterException invalid(String option, Object value, String why) {
    return new ParameterException(
        spec.commandLine(), "Invalid value for option '" + option + "': '" + value + "' " + why);
  }
}
