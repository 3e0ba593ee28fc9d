package io.predictivescaler.bench.jmh;

import io.predictivescaler.core.decision.Decision;
import io.predictivescaler.core.decision.DecisionInput;
import io.predictivescaler.core.decision.DecisionPipeline;
import io.predictivescaler.core.decision.DecisionState;
import io.predictivescaler.core.decision.ForecastSummary;
import io.predictivescaler.core.decision.MetricInput;
import io.predictivescaler.core.decision.ScalingPolicy;
import io.predictivescaler.core.decision.TotalMetric;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@link DecisionPipeline#decide} with a realistic state: the state a workload carries after an
 * hour of 15 s ticks on a noisy, rising and falling load (a full 300 s scale-down window of
 * recommendations and recent scale events), reactive only and with a trusted forecast. This
 * replaces the former timed unit test {@code ReplayThroughputTest}: a 30-day replay decides 172,800
 * times per strategy, so the figure times 172,800 is the pipeline's share of a replay.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main
 * DecisionPipelineBenchmark -f 1 -wi 2 -i 3}
 */
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class DecisionPipelineBenchmark {

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  private static final long STEP_SECONDS = 15;
  private static final double TARGET_PER_REPLICA = 100;
  private static final int WARM_TICKS = 240;

  private final DecisionPipeline pipeline = new DecisionPipeline();
  private DecisionInput reactiveOnly;
  private DecisionInput trustedForecast;
  private DecisionInput shadowHpa;

  @Setup(Level.Trial)
  public void setUp() {
    ScalingPolicy policy = ScalingPolicy.hpaDefaults(2, 40);
    SplittableRandom random = new SplittableRandom(42);
    DecisionState state = DecisionState.initial();
    int current = 4;
    double load = 0;
    Instant now = T0;
    for (int tick = 0; tick < WARM_TICKS; tick++) {
      now = T0.plusSeconds(STEP_SECONDS * tick);
      load = load(tick) + random.nextGaussian() * 40;
      DecisionInput input =
          input(now, current, load, Optional.of(trusted(load(tick + 40))), policy, state);
      Decision decision = pipeline.decide(input);
      current = decision.replicas();
      state = decision.nextState(true);
    }
    Instant next = now.plusSeconds(STEP_SECONDS);
    double nextLoad = load(WARM_TICKS) + random.nextGaussian() * 40;
    reactiveOnly = input(next, current, nextLoad, Optional.empty(), policy, state);
    trustedForecast =
        input(next, current, nextLoad, Optional.of(trusted(load(WARM_TICKS + 40))), policy, state);
    shadowHpa = trustedForecast.asPlainHpa(state);
  }

  /** The HPA path: no forecast (a cold or untrusted workload, and the shadow HPA). */
  @Benchmark
  public Decision reactiveOnly() {
    return pipeline.decide(reactiveOnly);
  }

  /** The predictive path: a trusted forecast whose upper band is combined with the reactive one. */
  @Benchmark
  public Decision trustedForecast() {
    return pipeline.decide(trustedForecast);
  }

  /** What a tick costs the pipeline: the decision plus the shadow HPA's (two decides). */
  @Benchmark
  public Decision tickPair() {
    pipeline.decide(trustedForecast);
    return pipeline.decide(shadowHpa);
  }

  private static DecisionInput input(
      Instant now,
      int current,
      double load,
      Optional<ForecastSummary> forecast,
      ScalingPolicy policy,
      DecisionState state) {
    List<MetricInput> metrics =
        List.of(TotalMetric.averageValue("rps", TARGET_PER_REPLICA, Math.max(0, load)));
    return new DecisionInput(
        now, current, current, metrics, DecisionInput.forecastOf(metrics, forecast), policy, state);
  }

  private static ForecastSummary trusted(double peakUpper) {
    return ForecastSummary.trusted(peakUpper * 1.1, "linear");
  }

  /** 1,200 rps, a slow sine of +-1,000 with a period of 2 h (480 ticks). */
  private static double load(int tick) {
    return 1200 + 1000 * Math.sin(tick * 2 * Math.PI / 480);
  }
}
