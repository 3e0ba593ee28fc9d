package io.predictivescaler.core.config;

import io.predictivescaler.core.decision.Behavior;
import io.predictivescaler.core.decision.Burst;
import io.predictivescaler.core.decision.Tolerance;
import io.predictivescaler.forecast.ModelKind;
import java.time.Duration;

/**
 * The defaultable fields while a document is being read: mutable, not yet checked against each
 * other, so that reading can continue past errors. Turned into records only when error-free.
 */
final class PolicyDraft {

  Duration step;
  Duration horizon;
  Duration window;
  Duration refit;
  ModelKind model;
  double quantile;
  Tolerance tolerance;

  /** The configured lead time, or null for {@code auto}. */
  Duration leadTimeFixed;

  Duration leadTimeFallback;
  ScalingMode mode;
  int minReplicas;
  Behavior behavior;
  Burst burst;

  static PolicyDraft of(PolicyDefaults d) {
    PolicyDraft draft = new PolicyDraft();
    draft.step = d.step();
    draft.horizon = d.horizon();
    draft.window = d.window();
    draft.refit = d.refit();
    draft.model = d.model();
    draft.quantile = d.quantile();
    draft.tolerance = d.tolerance();
    draft.leadTimeFixed = d.leadTime().auto() ? null : d.leadTime().duration();
    draft.leadTimeFallback =
        d.leadTime().auto() ? d.leadTime().duration() : PolicyDefaults.LEAD_TIME_FALLBACK;
    draft.mode = d.mode();
    draft.minReplicas = d.minReplicas();
    draft.behavior = d.behavior();
    draft.burst = d.burst();
    return draft;
  }

  PolicyDraft copy() {
    PolicyDraft c = new PolicyDraft();
    c.step = step;
    c.horizon = horizon;
    c.window = window;
    c.refit = refit;
    c.model = model;
    c.quantile = quantile;
    c.tolerance = tolerance;
    c.leadTimeFixed = leadTimeFixed;
    c.leadTimeFallback = leadTimeFallback;
    c.mode = mode;
    c.minReplicas = minReplicas;
    c.behavior = behavior;
    c.burst = burst;
    return c;
  }

  LeadTime leadTime() {
    return leadTimeFixed == null ? LeadTime.auto(leadTimeFallback) : LeadTime.fixed(leadTimeFixed);
  }

  PolicyDefaults toDefaults() {
    return new PolicyDefaults(
        step,
        horizon,
        window,
        refit,
        model,
        quantile,
        tolerance,
        leadTime(),
        mode,
        minReplicas,
        behavior,
        burst);
  }
}
