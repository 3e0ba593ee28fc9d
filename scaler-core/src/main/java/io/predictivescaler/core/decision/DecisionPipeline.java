package io.predictivescaler.core.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pure decision pipeline (docs/ARCHITECTURE.md §6): reactive recommendation exactly like the
 * Kubernetes HPA (or, while metrics are unavailable, the fallback), predictive recommendation,
 * combine, tolerance, schedule floor, stabilization (with the burst path), rate policies, clamp.
 * Everything that shapes a decision happens here: which target the metrics are read at (the
 * predictive one while a forecast is used, the reactive one otherwise), and the reason, which each
 * stage returns where it sets the count; the last such stage wins, as in the HPA. Stateless and
 * thread-safe: state comes in with the input and goes out with the decision. Reads no clock.
 */
public final class DecisionPipeline {

  /** Decides one tick for one workload. */
  public Decision decide(DecisionInput input) {
    ScalingPolicy policy = input.policy();
    int current = input.currentReplicas();
    Instant at = input.now();
    long now = at.toEpochMilli();
    DecisionState state =
        input.state().initialized()
            ? input.state()
            : input.state().withInitialRecommendation(now, current);
    long recommendationCutoff = now - policy.recommendationRetention().toMillis();
    long eventCutoff = now - policy.eventRetention().toMillis();
    Stages stages = new Stages();

    if (current == 0 && policy.minReplicas() != 0) {
      String rule =
          "the target has 0 replicas and minReplicas is "
              + policy.minReplicas()
              + ": scaling disabled";
      stages.add(
          StageResult.set(
              new StageTrace(StageTrace.RANGE, 0, 0, rule), ReasonCode.SCALING_DISABLED));
      return stages.decision(0, current, at, state);
    }
    if (current > policy.maxReplicas() || current < policy.minReplicas()) {
      // Like the HPA, a count outside the range goes straight to the bound: no metrics, no limits.
      boolean above = current > policy.maxReplicas();
      int bound = above ? policy.maxReplicas() : policy.minReplicas();
      String rule =
          "current "
              + current
              + (above ? " above maxReplicas " : " below minReplicas ")
              + bound
              + ": set to "
              + bound;
      stages.add(
          StageResult.set(
              new StageTrace(StageTrace.RANGE, current, bound, rule),
              above ? ReasonCode.TOO_MANY_REPLICAS : ReasonCode.TOO_FEW_REPLICAS));
      return stages.decision(
          bound, current, at, state.next(now, false, 0, 0, recommendationCutoff, 0, eventCutoff));
    }

    PredictiveStage.Result predictive = PredictiveStage.run(input);
    // A metric whose forecast is in use sizes capacity at its predictive target; every other
    // metric is read at its reactive target, so that falling back is never less safe than the
    // plain HPA.
    List<MetricInput> metrics = atTargets(input.metrics(), predictive.sized());
    ReactiveStage.Result reactive = ReactiveStage.run(input, metrics);
    stages.add(reactive.result(current));
    // A forecast that may not raise the count above the plain HPA's may not hold it there either.
    boolean capped = predictive.usable() && !predictive.mayRaise();
    int desired;
    // The recommendation without the forecast's part: what the scale-down window holds.
    int withoutForecast;
    boolean fallbackDue = false;
    if (reactive.available()) {
      state = state.withMetricsAvailable();
      stages.add(predictive.result(current, reactive.rule()));
      ReactiveStage.Result plainHpa =
          capped ? ReactiveStage.run(input, atTargets(input.metrics(), Map.of())) : null;
      StageResult combine = ForecastStages.combine(reactive, predictive, plainHpa);
      stages.add(combine);
      StageResult tolerance = ForecastStages.tolerance(combine, current, reactive, predictive);
      stages.add(tolerance);
      desired = tolerance.replicas();
      withoutForecast = Math.min(desired, reactive.replicas());
    } else {
      state = state.withMetricsUnavailableAt(now);
      desired = current;
      if (policy.fallback().isPresent()) {
        StageResult fallback =
            FallbackStage.run(policy.fallback().get(), state.millisWithoutMetrics(now), current);
        stages.add(fallback);
        desired = fallback.replicas();
        fallbackDue = fallback.setsReason();
      }
      withoutForecast = desired;
    }
    if (!policy.schedules().isEmpty()) {
      StageResult schedule = ScheduleStage.run(desired, at, policy);
      stages.add(schedule);
      desired = schedule.replicas();
      withoutForecast =
          Math.min(desired, ScheduleStage.run(withoutForecast, at, policy).replicas());
    }
    if (!reactive.available() && !fallbackDue && desired == current) {
      // As the HPA does on a metrics error: no scaling, no recommendation stored.
      return stages.decision(current, current, at, state);
    }

    ScalingRules up = policy.behavior().scaleUp();
    ScalingRules down = policy.behavior().scaleDown();
    int upLowest =
        state.lowestRecommendationAfter(now - up.stabilizationWindow().toMillis(), desired);
    // The scale-down window holds what the HPA would for its whole length, and the forecast's part
    // only for its hold: the band already covers the lead window ahead.
    long downWindow = down.stabilizationWindow().toMillis();
    long forecastHold = Math.min(downWindow, predictive.hold().toMillis());
    boolean bandAlone = bandAlone(input, predictive);
    int downHighest =
        capped
            ? state.highestReactiveAfter(now - downWindow, desired)
            : Math.max(
                state.highestReactiveAfter(now - (bandAlone ? forecastHold : downWindow), desired),
                state.highestRecommendationAfter(now - forecastHold, desired));
    Burst burst = policy.burst();
    boolean burstActive =
        burst.enabled()
            && reactive.available()
            && desired > current
            && reactive.loadRatio() >= burst.factor();
    int stabilized = clamp(current, burstActive ? desired : upLowest, downHighest);
    if (burst.enabled()) {
      stages.add(burst(desired, reactive, burst, burstActive, upLowest, downHighest, current));
    }
    stages.add(
        stabilization(desired, current, stabilized, up, down, predictive, bandAlone, capped));

    StageResult rate = rate(stabilized, current, state, now, policy);
    stages.add(rate);
    int rated = rate.replicas();

    int replicas = clamp(rated, policy.minReplicas(), policy.maxReplicas());
    StageTrace clamp =
        new StageTrace(
            StageTrace.CLAMP,
            rated,
            replicas,
            "clamp to [" + policy.minReplicas() + ", " + policy.maxReplicas() + "]");
    stages.add(
        replicas == rated
            ? StageResult.passed(clamp)
            : StageResult.set(
                clamp,
                replicas > rated ? ReasonCode.TOO_FEW_REPLICAS : ReasonCode.TOO_MANY_REPLICAS));

    // The HPA stores its metric recommendation before stabilization, unclamped; so do we.
    return stages.decision(
        replicas,
        current,
        at,
        state.next(now, true, desired, withoutForecast, recommendationCutoff, 0, eventCutoff));
  }

  /**
   * Each metric at the target its used forecast asks for (its predictive target, or one between
   * that and its reactive target), else at its reactive one.
   */
  private static List<MetricInput> atTargets(List<MetricInput> metrics, Map<String, Double> sized) {
    List<MetricInput> out = new ArrayList<>(metrics.size());
    for (MetricInput metric : metrics) {
      Double share = sized.get(metric.name());
      out.add(share == null ? metric.atReactiveTarget() : metric.atBlendedTarget(share));
    }
    return out;
  }

  /** The burst entry: sets the reason only when skipping the scale-up window changed the count. */
  private static StageResult burst(
      int desired,
      ReactiveStage.Result reactive,
      Burst burst,
      boolean active,
      int upLowest,
      int downHighest,
      int current) {
    String load =
        reactive.available()
            ? "load " + RuleText.num(reactive.loadRatio()) + "x ready capacity"
            : "no load reading";
    StageTrace trace =
        new StageTrace(
            StageTrace.BURST,
            desired,
            desired,
            load
                + (active
                    ? " >= " + RuleText.num(burst.factor()) + "x: skip scale-up stabilization"
                    : ": no burst"));
    boolean mattered = active && clamp(current, upLowest, downHighest) != desired;
    return mattered
        ? StageResult.set(trace, ReasonCode.BURST_SCALE_UP, load + " skipped stabilization")
        : StageResult.passed(trace);
  }

  /**
   * True when every metric's forecast sizes capacity with its reactive part at the predictive
   * target: the reactive count is then the newest load at full capacity, which the band (never
   * below the newest load) already covers, so the scale-down window holds all of the recommendation
   * for the forecast's hold only. Where the reactive part keeps some of the HPA's headroom (a
   * reactive share below 1), or a metric has no usable forecast, that part is held for the whole
   * window, as the HPA would.
   */
  private static boolean bandAlone(DecisionInput input, PredictiveStage.Result predictive) {
    if (predictive.sized().size() != input.metrics().size()) {
      return false;
    }
    for (double share : predictive.sized().values()) {
      if (share != 1) {
        return false;
      }
    }
    return true;
  }

  private static StageResult stabilization(
      int desired,
      int current,
      int stabilized,
      ScalingRules up,
      ScalingRules down,
      PredictiveStage.Result predictive,
      boolean bandAlone,
      boolean capped) {
    if (stabilized == desired) {
      return StageResult.passed(
          new StageTrace(
              StageTrace.STABILIZATION,
              desired,
              stabilized,
              "no recent recommendation holds it back"));
    }
    boolean scaleUp = desired >= current;
    String rule =
        scaleUp
            ? "lowest recommendation in the last "
                + up.stabilizationWindow().toSeconds()
                + "s scale-up window: "
                + stabilized
            : "highest recommendation in the last "
                + down.stabilizationWindow().toSeconds()
                + "s scale-down window"
                + (capped
                    ? " (without the forecast's part, which may not raise the count)"
                    : predictive.usable()
                            && predictive.hold().compareTo(down.stabilizationWindow()) < 0
                        ? (bandAlone ? " (all of it" : " (the forecast's part")
                            + " for "
                            + predictive.hold().toSeconds()
                            + "s)"
                        : "")
                + ": "
                + stabilized;
    return StageResult.set(
        new StageTrace(StageTrace.STABILIZATION, desired, stabilized, rule),
        scaleUp ? ReasonCode.SCALE_UP_STABILIZED : ReasonCode.SCALE_DOWN_STABILIZED);
  }

  /**
   * The rate policies. As in the HPA, a limit at or beyond the replica range is left to the clamp,
   * which then reports TooManyReplicas or TooFewReplicas rather than a rate limit.
   */
  private static StageResult rate(
      int stabilized, int current, DecisionState state, long now, ScalingPolicy policy) {
    ScalingRules up = policy.behavior().scaleUp();
    ScalingRules down = policy.behavior().scaleDown();
    if (stabilized > current) {
      int limit = Math.max(current, RateLimiter.scaleUpLimit(current, state, now, up));
      boolean limits = limit < policy.maxReplicas() && stabilized > limit;
      StageTrace trace =
          new StageTrace(
              StageTrace.RATE,
              stabilized,
              limits ? limit : stabilized,
              "scale-up policies " + describe(up) + " allow up to " + limit);
      return limits ? StageResult.set(trace, ReasonCode.SCALE_UP_LIMIT) : StageResult.passed(trace);
    }
    if (stabilized < current) {
      int limit = Math.min(current, RateLimiter.scaleDownLimit(current, state, now, down));
      boolean limits = limit > policy.minReplicas() && stabilized < limit;
      StageTrace trace =
          new StageTrace(
              StageTrace.RATE,
              stabilized,
              limits ? limit : stabilized,
              "scale-down policies " + describe(down) + " allow down to " + limit);
      return limits
          ? StageResult.set(trace, ReasonCode.SCALE_DOWN_LIMIT)
          : StageResult.passed(trace);
    }
    return StageResult.passed(
        new StageTrace(StageTrace.RATE, stabilized, stabilized, "no scaling"));
  }

  private static String describe(ScalingRules rules) {
    return rules.selectPolicy() + rules.policies().toString();
  }

  private static int clamp(int value, int low, int high) {
    return Math.max(low, Math.min(high, value));
  }
}
