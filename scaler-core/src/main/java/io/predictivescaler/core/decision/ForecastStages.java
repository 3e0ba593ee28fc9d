package io.predictivescaler.core.decision;

/**
 * Stages 3 and 4 (ours): combine the reactive and predictive recommendations, then report the
 * forecast's load ratio (no tolerance applies to it). The band only ever raises the recommendation
 * (its savings come from the reactive part read nearer the predictive target), up to the plain
 * HPA's count where it may not raise it above that.
 */
final class ForecastStages {

  private ForecastStages() {}

  /**
   * {@code max(reactive, predictive)} with a usable forecast, reactive alone otherwise. A forecast
   * that may not raise the count ({@link PredictiveStage.Result#mayRaise()}) is capped at {@code
   * plainHpa}, the metrics' count at their reactive targets, and sets {@link
   * ReasonCode#SAVINGS_SPENT} where the cap binds.
   *
   * @param plainHpa the reactive recommendation at the reactive targets; null when the forecast may
   *     raise the count or is not used
   */
  static StageResult combine(
      ReactiveStage.Result reactive,
      PredictiveStage.Result predictive,
      ReactiveStage.Result plainHpa) {
    if (!predictive.usable()) {
      return StageResult.passed(
          new StageTrace(
              StageTrace.COMBINE, reactive.replicas(), reactive.replicas(), "reactive only"));
    }
    int combined = Math.max(reactive.replicas(), predictive.replicas());
    String rule =
        "max(reactive " + reactive.replicas() + ", predictive " + predictive.replicas() + ")";
    if (predictive.mayRaise() || plainHpa == null || !plainHpa.available()) {
      return StageResult.passed(
          new StageTrace(StageTrace.COMBINE, reactive.replicas(), combined, rule));
    }
    int capped = Math.min(combined, plainHpa.replicas());
    String cappedRule = "min(" + rule + ", plain HPA " + plainHpa.replicas() + ")";
    StageTrace trace = new StageTrace(StageTrace.COMBINE, reactive.replicas(), capped, cappedRule);
    if (capped == combined) {
      return StageResult.passed(trace);
    }
    return StageResult.set(
        trace,
        ReasonCode.SAVINGS_SPENT,
        cappedRule
            + ": the forecast may lower the count but not raise it above the plain HPA's ("
            + predictive.rule()
            + ")");
  }

  /**
   * Stage 4. The tolerance the reactive part already had (the replica calculator applies it, as in
   * the HPA) is not applied to the forecast: the band is the calibrated peak capacity must cover,
   * so holding the count above it would plan an overload, and holding a count the band no longer
   * needs is the scale-down window's job, which holds the forecast's part for its lead window or
   * the policy's {@code forecastHold} (where a tolerance hold also kept capacity the counterfactual
   * replay never priced). Sets PredictedLoad when the forecast raised the count above the reactive
   * recommendation, unless the combine stage capped it.
   */
  static StageResult tolerance(
      StageResult combine,
      int current,
      ReactiveStage.Result reactive,
      PredictiveStage.Result predictive) {
    int combined = combine.replicas();
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
    if (combined > reactive.replicas() && !combine.setsReason()) {
      return StageResult.set(
          trace,
          ReasonCode.PREDICTED_LOAD,
          predictive.rule() + " (reactive " + reactive.replicas() + ")");
    }
    return StageResult.passed(trace);
  }
}
