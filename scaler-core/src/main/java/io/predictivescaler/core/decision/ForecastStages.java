package io.predictivescaler.core.decision;

/**
 * Stages 3 and 4 (ours): combine the reactive and predictive recommendations, then report the
 * forecast's load ratio (no tolerance applies to it). A forecast only ever raises the
 * recommendation.
 */
final class ForecastStages {

  private ForecastStages() {}

  /** {@code max(reactive, predictive)} with a usable forecast, reactive alone otherwise. */
  static StageResult combine(ReactiveStage.Result reactive, PredictiveStage.Result predictive) {
    if (!predictive.usable()) {
      return StageResult.passed(
          new StageTrace(
              StageTrace.COMBINE, reactive.replicas(), reactive.replicas(), "reactive only"));
    }
    int combined = Math.max(reactive.replicas(), predictive.replicas());
    return StageResult.passed(
        new StageTrace(
            StageTrace.COMBINE,
            reactive.replicas(),
            combined,
            "max(reactive " + reactive.replicas() + ", predictive " + predictive.replicas() + ")"));
  }

  /**
   * Stage 4. The tolerance the reactive part already had (the replica calculator applies it, as in
   * the HPA) is not applied to the forecast: the band is the calibrated peak capacity must cover,
   * so holding the count above it would plan an overload, and holding a count the band no longer
   * needs is the scale-down window's job, which holds the forecast's part for its lead window
   * (where a tolerance hold also kept capacity the counterfactual replay never priced). Sets
   * PredictedLoad when the forecast raised the count above the reactive recommendation.
   */
  static StageResult tolerance(
      int combined, int current, ReactiveStage.Result reactive, PredictiveStage.Result predictive) {
    if (!predictive.usable()) {
      return StageResult.passed(
          new StageTrace(
              StageTrace.TOLERANCE,
              combined,
              combined,
              "reactive tolerance already applied by the replica calculator, as in the HPA"));
    }
    StageTrace trace =
        new StageTrace(
            StageTrace.TOLERANCE,
            combined,
            combined,
            "forecast load ratio "
                + RuleText.num(predictive.ratio())
                + (predictive.replicas() > current
                    ? " above current capacity"
                    : predictive.replicas() < current ? " below current capacity" : "")
                + ": no tolerance on the forecast, its scale-in waits for its hold");
    if (combined > reactive.replicas()) {
      return StageResult.set(
          trace,
          ReasonCode.PREDICTED_LOAD,
          predictive.rule() + " (reactive " + reactive.replicas() + ")");
    }
    return StageResult.passed(trace);
  }
}
