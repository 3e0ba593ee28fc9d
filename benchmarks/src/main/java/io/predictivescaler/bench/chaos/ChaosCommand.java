package io.predictivescaler.bench.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.predictivescaler.bench.cli.DurationConverter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chaos}: the real control loop under injected faults on a virtual clock; writes {@code
 * DIR/chaos.json} and exits 3 when an invariant was violated.
 */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the service (policy watcher, collector, tick loop, actuators, leader election) on a",
      "virtual clock against a mock API server and a stub Prometheus, injects faults at random,",
      "checks invariants every tick and writes DIR/chaos.json. Exit 3 on any violation."
    })
public final class ChaosCommand implements Callable<Integer> {

  /** Exit code when an invariant was violated. */
  public static final int VIOLATIONS = 3;

  @Spec CommandSpec spec;

  @Option(names = "--seed", description = "Seeds loads and faults (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--days", description = "Simulated days (default: ${DEFAULT-VALUE}).")
  int days = 7;

  @Option(
      names = "--workloads",
      description = "Deployments under policy (default: ${DEFAULT-VALUE}).")
  int workloads = 20;

  @Option(
      names = "--step",
      converter = DurationConverter.class,
      description = "Control step; the virtual clock advances by it each tick (default: 1m).")
  Duration step = Duration.ofMinutes(1);

  @Option(
      names = "--fault-rate",
      description = "Chance of a new fault at each tick (default: ${DEFAULT-VALUE}).")
  double faultRate = 0.15;

  @Option(
      names = "--heap-limit-mb",
      description = "Heap in use after GC that counts as a leak (default: ${DEFAULT-VALUE}).")
  int heapLimitMb = 1024;

  @Option(
      names = "--faults",
      split = ",",
      description = "Fault kinds to inject, comma-separated (default: all of them).")
  java.util.List<String> faultKinds = java.util.List.of();

  @Option(names = "--out", required = true, description = "Directory for chaos.json.")
  Path out;

  @Override
  public Integer call() throws Exception {
    ChaosSettings settings;
    try {
      java.util.List<FaultKind> kinds =
          faultKinds.isEmpty()
              ? java.util.List.of(FaultKind.values())
              : faultKinds.stream().map(FaultKind::of).toList();
      settings = new ChaosSettings(seed, days, workloads, step, faultRate, heapLimitMb, kinds);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter stdout = spec.commandLine().getOut();
    ChaosResult result;
    try (ChaosRun run = new ChaosRun(settings, System.out)) {
      result = run.run();
    }
    write(out, result);
    stdout.printf(
        "chaos seed %d: %d ticks, %d scaler writes, %d faults of %d kinds, %d violations, %d s%n",
        result.seed(),
        result.ticks(),
        result.scalerWrites(),
        result.totalFaults(),
        result.kindsInjected(),
        result.totalViolations(),
        result.wallTime().toSeconds());
    result.examples().forEach(stdout::println);
    stdout.flush();
    return result.totalViolations() == 0 ? 0 : VIOLATIONS;
  }

  static void write(Path dir, ChaosResult result) throws java.io.IOException {
    Files.createDirectories(dir);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("seed", result.seed());
    json.put("ticks", result.ticks());
    json.put("scalerWrites", result.scalerWrites());
    json.put("faults", result.faults());
    json.put("violations", result.violations());
    json.put("examples", result.examples());
    json.put("wallSeconds", result.wallTime().toSeconds());
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(dir.resolve("chaos.json").toFile(), json);
  }
}
