package io.predictivescaler.core.decision;

/**
 * Stages 3 and 4 (ours): combine the reactive and predictive recommendations, then apply the
 * tolerance to the forecast's load ratio. A forecast only ever raises the recommendation.
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
   * A forecast whose load ratio is within tolerance of current capacity asks for the current count
   * when it would scale in: tolerance damps flapping. A forecast band above current capacity is
   * never held back by tolerance: the band is already the calibrated peak the capacity must cover,
   * and holding the count would plan an overload. Sets PredictedLoad when the forecast raised the
   * count above the reactive recommendation.
   */
  static StageResult tolerance(
      int combined,
      int current,
      ReactiveStage.Result reactive,
      PredictiveStage.Result predictive,
      Tolerance tolerance) {
    if (!predictive.usable()) {
      return StageResult.passed(
          new StageTrace(
              StageTrace.TOLERANCE,
              combined,
              combined,
              "reactive tolerance already applied by the replica calculator, as in the HPA"));
    }
    boolean within = predictive.replicas() <= current && tolerance.isWithin(predictive.ratio());
    int desired = Math.max(reactive.replicas(), within ? current : predictive.replicas());
    StageTrace trace =
        new StageTrace(
            StageTrace.TOLERANCE,
            combined,
            desired,
            "forecast load ratio "
                + RuleText.num(predictive.ratio())
                + (within
                    ? " within tolerance "
                    : predictive.replicas() > current
                        ? " above current capacity (no tolerance on a scale-up) "
                        : " outside tolerance ")
                + tolerance
                + (within ? ": forecast asks for " + current : ""));
    if (desired > reactive.replicas()) {
      return StageResult.set(
          trace,
          ReasonCode.PREDICTED_LOAD,
          predictive.rule() + " (reactive " + reactive.replicas() + ")");
    }
    return StageResult.passed(trace);
  }
}
