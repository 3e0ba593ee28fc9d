package io.predictivescaler.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Randomized properties (ours) over thousands of multi-tick runs with fixed seeds: each try is a
 * random policy and an 80-tick load series with irregular gaps and spikes.
 */
class DecisionPropertiesTest {

  private static final int TICKS = 80;
  private static final Instant T0 = TestInputs.T0;
  private final DecisionPipeline pipeline = new DecisionPipeline();

  @Property(tries = 500, seed = "20250106")
  void staysWithinMinAndMax(@ForAll long seed) {
    RandomWorkload w = new RandomWorkload(seed, TICKS, true);

    for (Step step : run(w, true)) {
      assertThat(step.decision.replicas())
          .as(step.decision.explanation())
          .isBetween(w.policy.minReplicas(), w.policy.maxReplicas());
    }
  }

  @Property(tries = 500, seed = "20250107")
  void neverExceedsARatePolicy(@ForAll long seed) {
    RandomWorkload w = new RandomWorkload(seed, TICKS, true);
    List<long[]> applied = new ArrayList<>();

    for (Step step : run(w, true)) {
      int from = step.decision.currentReplicas();
      int to = step.decision.replicas();
      if (to > from) {
        assertThat((long) to)
            .as(step.decision.explanation())
            .isLessThanOrEqualTo(
                allowed(w.policy.behavior().scaleUp(), from, step.at, applied, true));
      } else if (to < from) {
        assertThat((long) to)
            .as(step.decision.explanation())
            .isGreaterThanOrEqualTo(
                allowed(w.policy.behavior().scaleDown(), from, step.at, applied, false));
      }
      if (to != from) {
        applied.add(new long[] {step.at, to - from});
      }
    }
  }

  @Property(tries = 500, seed = "20250108")
  void neverScalesBelowARecentRecommendationInsideTheDownWindow(@ForAll long seed) {
    RandomWorkload w = new RandomWorkload(seed, TICKS, true);
    long window = w.policy.behavior().scaleDown().stabilizationWindow().toMillis();
    List<long[]> recommendations = new ArrayList<>();
    recommendations.add(new long[] {w.atMillis[0], w.initialReplicas});

    for (Step step : run(w, true)) {
      if (step.decision.replicas() < step.decision.currentReplicas()) {
        for (long[] rec : recommendations) {
          if (rec[0] > step.at - window) {
            assertThat((long) step.decision.replicas())
                .as(step.decision.explanation())
                .isGreaterThanOrEqualTo(Math.min(rec[1], step.decision.currentReplicas()));
          }
        }
      }
      step.decision
          .stage(StageTrace.TOLERANCE)
          .ifPresent(t -> recommendations.add(new long[] {step.at, t.out()}));
    }
  }

  @Property(tries = 1000, seed = "20250109")
  void withoutAForecastItIsTheHpa(@ForAll long seed) {
    RandomWorkload w = new RandomWorkload(seed, TICKS, false);
    ReferenceHpa hpa = new ReferenceHpa();
    int current = w.initialReplicas;

    for (Step step : run(w, false)) {
      int expected =
          hpa.decide(step.at, current, w.load[step.index], RandomWorkload.TARGET, w.policy);
      assertThat(step.decision.replicas()).as(step.decision.explanation()).isEqualTo(expected);
      current = step.decision.replicas();
    }
  }

  @Property(tries = 500, seed = "20250110")
  void anUntrustedForecastChangesNothing(@ForAll long seed) {
    RandomWorkload w = new RandomWorkload(seed, TICKS, true);
    List<Step> plain = run(w, false);
    List<Step> untrusted =
        runWith(w, i -> Optional.of(ForecastSummary.untrusted(w.forecastPeak[i], "m", "lost")));

    for (int i = 0; i < plain.size(); i++) {
      assertThat(untrusted.get(i).decision.replicas()).isEqualTo(plain.get(i).decision.replicas());
    }
  }

  private record Step(int index, long at, Decision decision) {}

  private List<Step> run(RandomWorkload w, boolean withForecast) {
    return runWith(
        w,
        i ->
            withForecast && i % 3 != 0
                ? Optional.of(ForecastSummary.trusted(w.forecastPeak[i], "m"))
                : Optional.empty());
  }

  private List<Step> runWith(
      RandomWorkload w, java.util.function.IntFunction<Optional<ForecastSummary>> forecast) {
    List<Step> steps = new ArrayList<>(TICKS);
    int current = w.initialReplicas;
    DecisionState state = DecisionState.initial();
    for (int i = 0; i < w.load.length; i++) {
      List<MetricInput> metrics =
          List.of(TotalMetric.averageValue("load", RandomWorkload.TARGET, w.load[i]));
      DecisionInput input =
          new DecisionInput(
              T0.plusMillis(w.atMillis[i]),
              current,
              current,
              metrics,
              DecisionInput.forecastOf(metrics, forecast.apply(i)),
              w.policy,
              state);
      Decision decision = pipeline.decide(input);
      steps.add(new Step(i, T0.toEpochMilli() + w.atMillis[i], decision));
      current = decision.replicas();
      state = decision.nextState(true);
    }
    return steps;
  }

  /** The bound each rate policy allows, computed from the run's own log of applied changes. */
  private static long allowed(
      ScalingRules rules, int current, long now, List<long[]> applied, boolean up) {
    if (rules.selectPolicy() == SelectPolicy.DISABLED) {
      return current;
    }
    boolean loosest = rules.selectPolicy() == SelectPolicy.MAX;
    long bound = up == loosest ? Long.MIN_VALUE : Long.MAX_VALUE;
    for (RatePolicy policy : rules.policies()) {
      long netChange = 0;
      for (long[] change : applied) {
        if (change[0] > now - policy.period().toMillis()) {
          netChange += change[1];
        }
      }
      long start = current - netChange;
      long limit;
      if (policy.type() == RatePolicyType.PODS) {
        limit = up ? start + policy.value() : start - policy.value();
      } else {
        limit =
            up
                ? (long) Math.ceil(start * (1 + policy.value() / 100.0))
                : (long) (start * (1 - policy.value() / 100.0));
      }
      bound = up == loosest ? Math.max(bound, limit) : Math.min(bound, limit);
    }
    return up ? Math.max(bound, current) : Math.min(bound, current);
  }
}
