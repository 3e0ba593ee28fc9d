package io.predictivescaler.core.decision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stage 2: replicas for each metric's forecast peak upper band, {@code ceil(peak /
 * targetPerReplica)}, and the largest of them, as the reactive stage takes the largest proposal.
 * Each forecast is in its own metric's unit and is sized by that metric's predictive target: its
 * AverageValue target; for Utilization, the average ready-pod request times the target percent; for
 * a Value target, the target shared by the ready replicas (the HPA's own Value formula).
 *
 * <p>Only a {@link ForecastStatus#TRUSTED} forecast takes part; every other status has its own
 * reason code. When no forecast takes part, the first metric's reason is the stage's and the
 * decision is reactive only.
 */
final class PredictiveStage {

  /**
   * @param usable true when a forecast takes part in the decision
   * @param replicas the largest replica count among the usable forecasts
   * @param ratio the winning forecast's peak load over current capacity, for the tolerance stage
   * @param notUsed why the present forecasts were not used; null when usable or absent
   * @param sized the metrics whose forecast is usable, each with the share of the way from its
   *     reactive target to its predictive target that its reactive part is read at
   * @param hold how long the scale-down window holds the forecast's part: the longest hold of the
   *     usable forecasts; with none, the whole window, so that a forecast no longer used is held as
   *     the HPA holds its count
   * @param mayRaise false when a usable forecast may only lower the count below the plain HPA's
   *     ({@link ForecastSummary#mayRaise()})
   */
  record Result(
      boolean usable,
      int replicas,
      double ratio,
      ReasonCode notUsed,
      String rule,
      Map<String, Double> sized,
      Duration hold,
      boolean mayRaise) {

    Result {
      sized = Map.copyOf(sized);
    }

    /**
     * The stage's own reason: when forecasts were supplied but none used, the first one's reason,
     * with the reactive rule that decides instead.
     */
    StageResult result(int current, String reactiveRule) {
      StageTrace trace =
          new StageTrace(StageTrace.PREDICTIVE, current, usable ? replicas : current, rule);
      return notUsed == null
          ? StageResult.passed(trace)
          : StageResult.set(trace, notUsed, rule + "; " + reactiveRule);
    }
  }

  /** One metric's forecast, sized or not; {@code rule} names the metric when there are several. */
  private record Sizing(
      String metric, boolean usable, int replicas, double ratio, ReasonCode notUsed, String rule) {}

  private PredictiveStage() {}

  static Result run(DecisionInput input) {
    if (input.forecasts().isEmpty()) {
      return new Result(
          false,
          0,
          0,
          null,
          "no forecast: reactive only",
          Map.of(),
          ForecastSummary.WHOLE_WINDOW,
          true);
    }
    boolean several = input.metrics().size() > 1;
    List<Sizing> sizings = new ArrayList<>();
    for (MetricInput metric : input.metrics()) {
      ForecastSummary forecast = input.forecasts().get(metric.name());
      if (forecast != null) {
        Sizing sizing = size(input, metric, forecast);
        sizings.add(several ? named(sizing) : sizing);
      }
    }
    List<Sizing> usable = sizings.stream().filter(Sizing::usable).toList();
    if (usable.isEmpty()) {
      Sizing first = sizings.get(0);
      String rule = sizings.stream().map(Sizing::rule).collect(Collectors.joining("; "));
      return new Result(
          false,
          0,
          0,
          first.notUsed(),
          rule + ": reactive only",
          Map.of(),
          ForecastSummary.WHOLE_WINDOW,
          true);
    }
    Sizing best = usable.get(0);
    for (Sizing sizing : usable) {
      if (sizing.replicas() > best.replicas()) {
        best = sizing;
      }
    }
    String rule = best.rule();
    if (sizings.size() > 1) {
      rule += "; largest of " + usable.size() + " usable forecasts";
      if (usable.size() < sizings.size()) {
        Sizing unused = sizings.stream().filter(s -> !s.usable()).findFirst().orElseThrow();
        rule +=
            ", " + (sizings.size() - usable.size()) + " not used (first: " + unused.rule() + ")";
      }
    }
    Map<String, Double> sized = new HashMap<>();
    Duration hold = Duration.ZERO;
    boolean mayRaise = true;
    for (Sizing sizing : usable) {
      ForecastSummary forecast = input.forecasts().get(sizing.metric());
      sized.put(sizing.metric(), forecast.reactiveShare());
      hold = forecast.hold().compareTo(hold) > 0 ? forecast.hold() : hold;
      mayRaise &= forecast.mayRaise();
    }
    return new Result(true, best.replicas(), best.ratio(), null, rule, sized, hold, mayRaise);
  }

  private static Sizing size(DecisionInput input, MetricInput metric, ForecastSummary forecast) {
    String model = "model " + forecast.model();
    return switch (forecast.status()) {
      case TRUSTED -> trusted(input, metric, forecast, model);
      case UNTRUSTED ->
          notUsed(metric, ReasonCode.FORECAST_UNTRUSTED, model + " not trusted" + detail(forecast));
      case INSUFFICIENT_HISTORY ->
          notUsed(
              metric,
              ReasonCode.INSUFFICIENT_HISTORY,
              model + " has too little history" + detail(forecast));
    };
  }

  private static Sizing trusted(
      DecisionInput input, MetricInput metric, ForecastSummary forecast, String model) {
    double peak = forecast.peakUpperLoad();
    if (!(peak >= 0) || Double.isInfinite(peak)) {
      return notUsed(
          metric, ReasonCode.FORECAST_UNTRUSTED, model + " peak " + peak + " is not a finite load");
    }
    double perReplica = perReplica(metric, input.readyReplicas());
    if (!(perReplica > 0) || Double.isInfinite(perReplica)) {
      return notUsed(
          metric,
          ReasonCode.FORECAST_UNTRUSTED,
          "cannot size the forecast with " + metric.name() + " this tick");
    }
    int replicas = ForecastReplicas.needed(peak, perReplica);
    boolean value =
        metric instanceof TotalMetric total && total.target().type() == TargetType.VALUE;
    double ratio =
        value
            ? peak / ((TotalMetric) metric).target().value()
            : peak / (perReplica * input.currentReplicas());
    return new Sizing(
        metric.name(),
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

  private static double perReplica(MetricInput metric, int ready) {
    if (metric instanceof TotalMetric total) {
      double target = total.target().value();
      return total.target().type() == TargetType.VALUE ? target / ready : target;
    }
    if (metric instanceof PodMetric pods) {
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

  /** The sizing with its metric's name in front, as the reactive rules name theirs. */
  private static Sizing named(Sizing s) {
    return new Sizing(
        s.metric(),
        s.usable(),
        s.replicas(),
        s.ratio(),
        s.notUsed(),
        s.metric() + " forecast: " + s.rule());
  }

  private static Sizing notUsed(MetricInput metric, ReasonCode reason, String rule) {
    return new Sizing(metric.name(), false, 0, 0, reason, rule);
  }

  private static String detail(ForecastSummary forecast) {
    return forecast.detail().isEmpty() ? "" : " (" + forecast.detail() + ")";
  }
}
