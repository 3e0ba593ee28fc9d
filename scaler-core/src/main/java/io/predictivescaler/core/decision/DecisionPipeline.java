package io.predictivescaler.core.decision;

import java.util.ArrayList;
import java.util.List;

/**
 * The pure decision pipeline (docs/ARCHITECTURE.md §6): reactive recommendation exactly like the
 * Kubernetes HPA, predictive recommendation, combine, tolerance, stabilization (with the burst
 * path), rate policies, clamp. Stateless and thread-safe: state comes in with the input and goes
 * out with the decision. Reads no clock.
 */
public final class DecisionPipeline {

  /** Decides one tick for one workload. */
  public Decision decide(DecisionInput input) {
    ScalingPolicy policy = input.policy();
    int current = input.currentReplicas();
    long now = input.now().toEpochMilli();
    DecisionState state =
        input.state().initialized()
            ? input.state()
            : input.state().withInitialRecommendation(now, current);
    long recommendationCutoff = now - policy.recommendationRetention().toMillis();
    long eventCutoff = now - policy.eventRetention().toMillis();
    List<StageTrace> trace = new ArrayList<>(9);

    if (current == 0 && policy.minReplicas() != 0) {
      String rule =
          "the target has 0 replicas and minReplicas is "
              + policy.minReplicas()
              + ": scaling disabled";
      trace.add(new StageTrace(StageTrace.RANGE, 0, 0, rule));
      return decision(0, 0, ReasonCode.SCALING_DISABLED, rule, trace, state, state);
    }
    if (current > policy.maxReplicas() || current < policy.minReplicas()) {
      boolean above = current > policy.maxReplicas();
      int bound = above ? policy.maxReplicas() : policy.minReplicas();
      String rule =
          "current "
              + current
              + (above ? " above maxReplicas " : " below minReplicas ")
              + bound
              + ": set to "
              + bound;
      trace.add(new StageTrace(StageTrace.RANGE, current, bound, rule));
      DecisionState held = state.next(now, false, 0, recommendationCutoff, 0, eventCutoff);
      DecisionState applied =
          state.next(now, false, 0, recommendationCutoff, bound - current, eventCutoff);
      ReasonCode reason = above ? ReasonCode.TOO_MANY_REPLICAS : ReasonCode.TOO_FEW_REPLICAS;
      return decision(bound, current, reason, rule, trace, applied, held);
    }

    ReactiveStage.Result reactive = ReactiveStage.run(input);
    trace.add(new StageTrace(StageTrace.REACTIVE, current, reactive.replicas(), reactive.rule()));
    if (!reactive.available()) {
      return decision(
          current, current, ReasonCode.METRICS_UNAVAILABLE, reactive.rule(), trace, state, state);
    }

    PredictiveStage.Result predictive = PredictiveStage.run(input);
    trace.add(
        new StageTrace(
            StageTrace.PREDICTIVE,
            current,
            predictive.usable() ? predictive.replicas() : current,
            predictive.rule()));
    int combined =
        predictive.usable()
            ? Math.max(reactive.replicas(), predictive.replicas())
            : reactive.replicas();
    trace.add(
        new StageTrace(
            StageTrace.COMBINE,
            reactive.replicas(),
            combined,
            predictive.usable()
                ? "max(reactive "
                    + reactive.replicas()
                    + ", predictive "
                    + predictive.replicas()
                    + ")"
                : "reactive only"));

    int desired = combined;
    String toleranceRule =
        "reactive tolerance already applied by the replica calculator, as in the HPA";
    if (predictive.usable()) {
      boolean within = policy.tolerance().isWithin(predictive.ratio());
      desired = Math.max(reactive.replicas(), within ? current : predictive.replicas());
      toleranceRule =
          "forecast load ratio "
              + RuleText.num(predictive.ratio())
              + (within ? " within tolerance " : " outside tolerance ")
              + policy.tolerance()
              + (within ? ": forecast asks for " + current : "");
    }
    trace.add(new StageTrace(StageTrace.TOLERANCE, combined, desired, toleranceRule));

    Burst burst = policy.burst();
    boolean burstActive =
        burst.enabled() && desired > current && reactive.loadRatio() >= burst.factor();
    if (burst.enabled()) {
      trace.add(
          new StageTrace(
              StageTrace.BURST,
              desired,
              desired,
              "load "
                  + RuleText.num(reactive.loadRatio())
                  + "x ready capacity"
                  + (burstActive
                      ? " >= " + RuleText.num(burst.factor()) + "x: skip scale-up stabilization"
                      : ": no burst")));
    }

    ScalingRules up = policy.behavior().scaleUp();
    ScalingRules down = policy.behavior().scaleDown();
    int upLowest =
        state.lowestRecommendationAfter(now - up.stabilizationWindow().toMillis(), desired);
    int downHighest =
        state.highestRecommendationAfter(now - down.stabilizationWindow().toMillis(), desired);
    int stabilized = clamp(current, burstActive ? desired : upLowest, downHighest);
    boolean burstMattered = burstActive && clamp(current, upLowest, downHighest) != stabilized;
    trace.add(
        new StageTrace(
            StageTrace.STABILIZATION,
            desired,
            stabilized,
            stabilizationRule(desired, current, stabilized, up, down)));

    int rated = stabilized;
    String rateRule = "no scaling";
    if (stabilized > current) {
      int limit = Math.max(current, RateLimiter.scaleUpLimit(current, state, now, up));
      rateRule = "scale-up policies " + describe(up) + " allow up to " + limit;
      if (limit < policy.maxReplicas() && stabilized > limit) {
        rated = limit;
      }
    } else if (stabilized < current) {
      int limit = Math.min(current, RateLimiter.scaleDownLimit(current, state, now, down));
      rateRule = "scale-down policies " + describe(down) + " allow down to " + limit;
      if (limit > policy.minReplicas() && stabilized < limit) {
        rated = limit;
      }
    }
    trace.add(new StageTrace(StageTrace.RATE, stabilized, rated, rateRule));

    int replicas = clamp(rated, policy.minReplicas(), policy.maxReplicas());
    String clampRule = "clamp to [" + policy.minReplicas() + ", " + policy.maxReplicas() + "]";
    trace.add(new StageTrace(StageTrace.CLAMP, rated, replicas, clampRule));

    DecisionState held = state.next(now, true, desired, recommendationCutoff, 0, eventCutoff);
    DecisionState applied =
        replicas == current
            ? held
            : state.next(now, true, desired, recommendationCutoff, replicas - current, eventCutoff);
    ReasonCode reason;
    String why;
    if (replicas != rated) {
      reason = replicas > rated ? ReasonCode.TOO_FEW_REPLICAS : ReasonCode.TOO_MANY_REPLICAS;
      why = clampRule;
    } else if (rated != stabilized) {
      reason = stabilized > current ? ReasonCode.SCALE_UP_LIMIT : ReasonCode.SCALE_DOWN_LIMIT;
      why = rateRule;
    } else if (stabilized != desired) {
      reason =
          desired >= current ? ReasonCode.SCALE_UP_STABILIZED : ReasonCode.SCALE_DOWN_STABILIZED;
      why = trace.get(trace.size() - 3).rule();
    } else if (burstMattered) {
      reason = ReasonCode.BURST_SCALE_UP;
      why = "load " + RuleText.num(reactive.loadRatio()) + "x ready capacity skipped stabilization";
    } else if (predictive.notUsed() != null) {
      reason = predictive.notUsed();
      why = predictive.rule() + "; " + reactive.rule();
    } else if (desired > reactive.replicas()) {
      reason = ReasonCode.PREDICTED_LOAD;
      why = predictive.rule() + " (reactive " + reactive.replicas() + ")";
    } else if (replicas == current && reactive.toleranceHold()) {
      reason = ReasonCode.WITHIN_TOLERANCE;
      why = reactive.rule();
    } else {
      reason = ReasonCode.DESIRED_WITHIN_RANGE;
      why = reactive.rule();
    }
    return decision(replicas, current, reason, why, trace, applied, held);
  }

  private static Decision decision(
      int replicas,
      int current,
      ReasonCode reason,
      String why,
      List<StageTrace> trace,
      DecisionState applied,
      DecisionState held) {
    String explanation = current + " -> " + replicas + ": " + reason.code() + ", " + why;
    return new Decision(replicas, current, reason, explanation, trace, applied, held);
  }

  private static String stabilizationRule(
      int desired, int current, int stabilized, ScalingRules up, ScalingRules down) {
    if (stabilized == desired) {
      return "no recent recommendation holds it back";
    }
    if (desired >= current) {
      return "lowest recommendation in the last "
          + up.stabilizationWindow().toSeconds()
          + "s scale-up window: "
          + stabilized;
    }
    return "highest recommendation in the last "
        + down.stabilizationWindow().toSeconds()
        + "s scale-down window: "
        + stabilized;
  }

  private static String describe(ScalingRules rules) {
    return rules.selectPolicy() + rules.policies().toString();
  }

  private static int clamp(int value, int low, int high) {
    return Math.max(low, Math.min(high, value));
  }
}
