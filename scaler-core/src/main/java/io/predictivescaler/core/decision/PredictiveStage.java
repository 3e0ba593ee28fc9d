package io.predictivescaler.core.decision;

/**
 * Stage 2: replicas for the forecast's peak upper band, {@code ceil(peak / targetPerReplica)}. The
 * target per replica comes from the first metric's predictive target: its AverageValue target; for
 * Utilization, the average ready-pod request times the target percent; for a Value target, the
 * target shared by the ready replicas (the HPA's own Value formula).
 *
 * <p>Only a {@link ForecastStatus#TRUSTED} forecast takes part; every other status has its own
 * reason code and leaves the decision reactive only.
 */
final class PredictiveStage {

  /** Forecast loads a hair above a whole number of replicas do not round up to one more. */
  private static final double CEIL_EPSILON = 1e-9;

  /**
   * @param usable true when the forecast takes part in the decision
   * @param ratio peak load over current capacity, for the tolerance stage
   * @param notUsed why a present forecast was not used; null when usable or absent
   */
  record Result(boolean usable, int replicas, double ratio, ReasonCode notUsed, String rule) {

    /**
     * The stage's own reason: when a forecast was supplied but not used, its status' reason, with
     * the reactive rule that decides instead.
     */
    StageResult result(int current, String reactiveRule) {
      StageTrace trace =
          new StageTrace(StageTrace.PREDICTIVE, current, usable ? replicas : current, rule);
      return notUsed == null
          ? StageResult.passed(trace)
          : StageResult.set(trace, notUsed, rule + "; " + reactiveRule);
    }
  }

  private PredictiveStage() {}

  static Result run(DecisionInput input) {
    if (input.forecast().isEmpty()) {
      return new Result(false, 0, 0, null, "no forecast: reactive only");
    }
    ForecastSummary forecast = input.forecast().get();
    String model = "model " + forecast.model();
    return switch (forecast.status()) {
      case TRUSTED -> size(input, forecast, model);
      case UNTRUSTED ->
          notUsed(
              ReasonCode.FORECAST_UNTRUSTED,
              model + " not trusted" + detail(forecast) + ": reactive only");
      case INSUFFICIENT_HISTORY ->
          notUsed(
              ReasonCode.INSUFFICIENT_HISTORY,
              model + " has too little history" + detail(forecast) + ": reactive only");
    };
  }

  private static Result size(DecisionInput input, ForecastSummary forecast, String model) {
    double peak = forecast.peakUpperLoad();
    if (!(peak >= 0) || Double.isInfinite(peak)) {
      return notUsed(
          ReasonCode.FORECAST_UNTRUSTED,
          model + " peak " + peak + " is not a finite load: reactive only");
    }
    if (input.metrics().isEmpty()) {
      return notUsed(
          ReasonCode.FORECAST_UNTRUSTED, "no metric to size the forecast: reactive only");
    }
    MetricInput primary = input.metrics().get(0);
    double perReplica = perReplica(primary, input.readyReplicas());
    if (!(perReplica > 0) || Double.isInfinite(perReplica)) {
      return notUsed(
          ReasonCode.FORECAST_UNTRUSTED,
          "cannot size the forecast with " + primary.name() + " this tick: reactive only");
    }
    int replicas = ReplicaCalculator.ceil(peak / perReplica - CEIL_EPSILON);
    boolean value =
        primary instanceof TotalMetric total && total.target().type() == TargetType.VALUE;
    double ratio =
        value
            ? peak / ((TotalMetric) primary).target().value()
            : peak / (perReplica * input.currentReplicas());
    return new Result(
        true,
        replicas,
        ratio,
        null,
        model
            + " peak upper band "
            + RuleText.num(peak)
            + " / "
            + RuleText.num(perReplica)
            + " per replica = "
            + replicas
            + detail(forecast));
  }

  private static double perReplica(MetricInput primary, int ready) {
    if (primary instanceof TotalMetric total) {
      double target = total.target().value();
      return total.target().type() == TargetType.VALUE ? target / ready : target;
    }
    if (primary instanceof PodMetric pods) {
      double target = pods.target().value();
      if (pods.target().type() == TargetType.AVERAGE_VALUE) {
        return target;
      }
      return pods.readyPods() == 0
          ? Double.NaN
          : pods.readyRequests() / pods.readyPods() * target / 100;
    }
    return Double.NaN;
  }

  private static Result notUsed(ReasonCode reason, String rule) {
    return new Result(false, 0, 0, reason, rule);
  }

  private static String detail(ForecastSummary forecast) {
    return forecast.detail().isEmpty() ? "" : " (" + forecast.detail() + ")";
  }
}
