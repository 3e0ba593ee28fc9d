package io.predictivescaler.bench.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.predictivescaler.bench.cli.BenchCli;
import io.predictivescaler.bench.cli.DurationConverter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The tick-loop scale harness ({@code benchmarks.jar scale}): N synthetic workloads through one
 * {@link io.predictivescaler.core.tick.TickOrchestrator} on a virtual clock, for each N of {@code
 * --workloads}. Prints a table and writes {@code DIR/tick-scale.json}.
 *
 * <p>"Cores needed" is (tick CPU per step + refit CPU per step) / step, the refit CPU being N
 * refits per refit interval at the cost of a refit averaged over the re-pick cycle (one first fit
 * with auto's backtest per {@code repickInterval}, hourly refits in between), and the re-pick CPU
 * being N counterfactual re-picks per re-pick interval at the cost of one over a full day. It
 * leaves out GC threads and the collector's sampling, which the table reports or excludes
 * separately.
 */
@Command(
    name = "scale",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Runs N synthetic workloads through one tick orchestrator on a virtual clock and measures"
            + " tick CPU per workload, refit CPU and heap per workload.")
public final class TickLoopScale implements Callable<Integer> {

  private static final int TARGET_WORKLOADS = 5_000;
  private static final double TARGET_CORES = 1.0;
  private static final double TARGET_HEAP_BYTES = 1024.0 * 1024 * 1024;

  @Spec CommandSpec spec;

  @Option(
      names = "--workloads",
      split = ",",
      paramLabel = "N",
      description = "Fleet sizes to run, in order (default: ${DEFAULT-VALUE}).",
      defaultValue = "100,1000,5000,10000")
  List<Integer> workloads;

  @Option(
      names = "--ticks",
      description = "Measured ticks per fleet size (default: ${DEFAULT-VALUE}).",
      defaultValue = "40")
  int ticks;

  @Option(
      names = "--warmup-ticks",
      description = "Ticks run before measuring, for the JIT (default: ${DEFAULT-VALUE}).",
      defaultValue = "4")
  int warmupTicks;

  @Option(
      names = "--step",
      converter = DurationConverter.class,
      description = "Control step (default: ${DEFAULT-VALUE}).",
      defaultValue = "15s")
  Duration step;

  @Option(
      names = "--refit-threads",
      description = "Refit worker threads (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  int refitThreads;

  @Option(
      names = "--refit-queue",
      description = "Refit queue capacity, the service's (default: ${DEFAULT-VALUE}).",
      defaultValue = "256")
  int refitQueue;

  @Option(
      names = "--prefit",
      description =
          "First-fit every workload on all cores before measuring, so that ticks and heap are"
              + " those of fitted workloads (slow for large N).")
  boolean prefit;

  @Option(
      names = "--history",
      converter = DurationConverter.class,
      description =
          "Virtual time run before the warm-up ticks, unmeasured, so that every workload has made"
              + " its first counterfactual re-pick (after 2 h of logged history) and holds its"
              + " candidates' figures in the heap measured (default: ${DEFAULT-VALUE}; 0s skips"
              + " it).",
      defaultValue = "2h15m")
  Duration history;

  @Option(
      names = "--refit-sample",
      description =
          "Workloads whose first fit and hourly refit are timed, and that run 32 h to time a"
              + " re-pick over a full day (default: ${DEFAULT-VALUE}).",
      defaultValue = "10")
  int refitSample;

  @Option(
      names = "--seed",
      description = "Seed of the synthetic loads (default: ${DEFAULT-VALUE}).",
      defaultValue = "42")
  long seed;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output directory for tick-scale.json (default: ${DEFAULT-VALUE}).",
      defaultValue = "report")
  Path out;

  public static void main(String[] args) {
    System.exit(BenchCli.configure(new CommandLine(new TickLoopScale())).execute(args));
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    validate();
    quietJoins();
    PrintWriter stdout = spec.commandLine().getOut();
    ScaleRun run =
        new ScaleRun(
            new ScaleRun.Options(
                step,
                ticks,
                warmupTicks,
                refitThreads,
                refitQueue,
                prefit,
                history,
                refitSample,
                seed));
    List<ScaleResult> results = new ArrayList<>();
    for (int n : workloads) {
      ScaleResult result;
      try {
        result = run.run(n);
      } catch (OutOfMemoryError e) {
        result =
            ScaleResult.failed(
                n,
                Runtime.getRuntime().maxMemory() / 1048576.0,
                "OutOfMemoryError: " + e.getMessage());
      }
      results.add(result);
      spec.commandLine().getErr().println(line(result));
      spec.commandLine().getErr().flush();
    }
    stdout.println(table(results));
    stdout.println(verdict(results));
    Files.createDirectories(out);
    Path json = out.resolve("tick-scale.json");
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("at", Instant.now().toString());
    document.put("stepSeconds", step.toSeconds());
    document.put("ticks", ticks);
    document.put("warmupTicks", warmupTicks);
    document.put("refitThreads", refitThreads);
    document.put("refitQueue", refitQueue);
    document.put("prefit", prefit);
    document.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    document.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / 1048576.0);
    document.put("runs", results);
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(json.toFile(), document);
    stdout.println("json: " + json);
    stdout.flush();
    return 0;
  }

  private void validate() {
    if (workloads.isEmpty() || workloads.stream().anyMatch(n -> n < 1)) {
      throw new ParameterException(spec.commandLine(), "--workloads: each N must be >= 1");
    }
    if (ticks < 1 || warmupTicks < 0) {
      throw new ParameterException(
          spec.commandLine(), "--ticks must be >= 1 and --warmup-ticks >= 0");
    }
    if (history.isNegative()) {
      throw new ParameterException(spec.commandLine(), "--history must be >= 0s, got " + history);
    }
    if (refitThreads < 1 || refitQueue < 1 || refitSample < 1) {
      throw new ParameterException(
          spec.commandLine(), "--refit-threads, --refit-queue and --refit-sample must be >= 1");
    }
  }

  /** The orchestrator logs one line per workload that joins: 10,000 lines are noise here. */
  private static void quietJoins() {
    Logger tick = LoggerFactory.getLogger("io.predictivescaler.core.tick");
    if (tick instanceof ch.qos.logback.classic.Logger logback) {
      logback.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  private static String line(ScaleResult r) {
    return r.completed()
        ? String.format(
            Locale.ROOT,
            "N=%d: tick %.2f ms CPU (%.1f us/workload), re-pick %.1f ms, heap %.1f KiB/workload"
                + " (%d with a re-pick), %.3f cores",
            r.workloads(),
            r.tickCpuMillisMedian(),
            r.tickCpuMicrosPerWorkload(),
            r.repickCpuMillis(),
            r.heapBytesPerWorkload() / 1024,
            r.withChoiceAtEnd(),
            r.coresNeeded())
        : "N=" + r.workloads() + ": failed: " + r.error();
  }

  static String table(List<ScaleResult> results) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%7s %9s %9s %9s %7s %8s %8s %8s %8s %8s %9s %9s %8s %7s %7s %7s %7s%n",
            "N",
            "tick ms",
            "tick cpu",
            "us/wkld",
            "gc ms",
            "fitted",
            "refits",
            "fit+sel",
            "hourly",
            "re-pick",
            "KiB/wkld",
            "heap MiB",
            "w/choice",
            "tick c",
            "refit c",
            "pick c",
            "cores"));
    for (ScaleResult r : results) {
      if (!r.completed()) {
        b.append(String.format(Locale.ROOT, "%7d  failed: %s%n", r.workloads(), r.error()));
        continue;
      }
      b.append(
          String.format(
              Locale.ROOT,
              "%7d %9.2f %9.2f %9.2f %7.0f %8d %8d %8.1f %8.2f %8.2f %9.1f %9.1f %8d %7.3f %7.3f %7.3f"
                  + " %7.3f%n",
              r.workloads(),
              r.tickWallMillisMedian(),
              r.tickCpuMillisMedian(),
              r.tickCpuMicrosPerWorkload(),
              r.gcMillisDuringTicks(),
              r.fittedAtEnd(),
              r.refitsRun(),
              r.fitWithSelectionMillis(),
              r.hourlyRefitMillis(),
              r.repickCpuMillis(),
              r.heapBytesPerWorkload() / 1024,
              r.heapMiBTotal(),
              r.withChoiceAtEnd(),
              r.tickCoreShare(),
              r.refitCoreShare(),
              r.repickCoreShare(),
              r.coresNeeded()));
    }
    b.append(
        "tick ms / tick cpu: one tick over all N (wall / tick thread CPU, median); fit+sel, hourly:"
            + " refit CPU ms; re-pick: CPU ms of a counterfactual re-pick over a full day;"
            + " w/choice: workloads holding a re-pick's figures; tick c, refit c, pick c, cores:"
            + " CPU per step / step");
    return b.toString();
  }

  private String verdict(List<ScaleResult> results) {
    for (ScaleResult r : results) {
      if (r.workloads() != TARGET_WORKLOADS) {
        continue;
      }
      if (!r.completed()) {
        return "target (5,000 workloads, 1 core, 1 GiB): NOT MET, the run failed: " + r.error();
      }
      boolean cpu = r.coresNeeded() <= TARGET_CORES;
      boolean heap = r.heapMiBTotal() * 1048576 <= TARGET_HEAP_BYTES;
      String where =
          r.maxHeapMiB() > TARGET_HEAP_BYTES / 1048576 * 1.01
              ? String.format(
                  Locale.ROOT,
                  " (measured with a %.0f MiB max heap: the live set only; rerun with -Xmx1g to"
                      + " see whether it also leaves the collector room)",
                  r.maxHeapMiB())
              : String.format(
                  Locale.ROOT,
                  " (live set after full GCs, of a %.0f MiB max heap)",
                  r.maxHeapMiB());
      return String.format(
          Locale.ROOT,
          "target (5,000 workloads at %ds within 1 core and 1 GiB heap, re-picks included):"
              + " cores %.3f %s (without GC threads), heap %.0f MiB %s%s; %d of %d workloads had a"
              + " fitted model%s, %d had made a re-pick",
          step.toSeconds(),
          r.coresNeeded(),
          cpu ? "met" : "NOT met",
          r.heapMiBTotal(),
          heap ? "met" : "NOT met",
          where,
          r.fittedAtEnd(),
          r.workloads(),
          r.fittedAtEnd() < r.workloads() ? " (run with --prefit for the fitted heap)" : "",
          r.withChoiceAtEnd());
    }
    return "target (5,000 workloads): not run";
  }
}
