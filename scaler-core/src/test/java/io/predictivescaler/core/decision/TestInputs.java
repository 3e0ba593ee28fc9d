package io.predictivescaler.core.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builders that describe inputs the way the HPA's own tests do. */
final class TestInputs {

  static final Instant T0 = Instant.parse("2025-01-06T00:00:00Z");
  static final DecisionPipeline PIPELINE = new DecisionPipeline();

  private TestInputs() {}

  static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  /**
   * Pods as in replica_calculator_test.go: {@code states} has one letter per pod (R ready, U
   * running but not ready, P pending, X failed or being deleted); pod i has metric {@code
   * levels[i]} when i < levels.length, else it is missing. Readiness only matters for CPU.
   */
  static PodMetric cpu(double targetPercent, double[] requests, double[] levels, String states) {
    return pods("cpu", MetricTarget.utilization(targetPercent), true, requests, levels, states);
  }

  static PodMetric cpu(double targetPercent, double[] requests, double[] levels) {
    return cpu(targetPercent, requests, levels, "R".repeat(requests.length));
  }

  /** A Pods metric with an AverageValue target; readiness does not apply to non-CPU metrics. */
  static PodMetric qps(double target, double[] levels, String states) {
    double[] none = new double[states.length()];
    return pods("qps", MetricTarget.averageValue(target), false, none, levels, states);
  }

  static double[] d(double... values) {
    return values;
  }

  static double[] oneCore(int n) {
    double[] out = new double[n];
    java.util.Arrays.fill(out, 1000);
    return out;
  }

  private static PodMetric pods(
      String name,
      MetricTarget target,
      boolean cpu,
      double[] requests,
      double[] levels,
      String states) {
    int ready = 0;
    int unready = 0;
    int missing = 0;
    double readySum = 0;
    double readyReq = 0;
    double unreadyReq = 0;
    double missingReq = 0;
    for (int i = 0; i < states.length(); i++) {
      char state = states.charAt(i);
      double request = requests[i];
      if (state == 'X') {
        continue;
      }
      if (state == 'P') {
        unready++;
        unreadyReq += request;
      } else if (i >= levels.length) {
        missing++;
        missingReq += request;
      } else if (cpu && state == 'U') {
        unready++;
        unreadyReq += request;
      } else {
        ready++;
        readySum += levels[i];
        readyReq += request;
      }
    }
    return new PodMetric(
        name, target, ready, readySum, readyReq, unready, unreadyReq, missing, missingReq);
  }

  /** A total metric whose reactive recommendation is exactly {@code desired} (far from ratio 1). */
  static TotalMetric desiring(int desired) {
    return TotalMetric.averageValue("load", 1, desired);
  }

  static DecisionInput input(
      int current, ScalingPolicy policy, DecisionState state, MetricInput... metrics) {
    return new DecisionInput(T0, current, current, List.of(metrics), Map.of(), policy, state);
  }

  static DecisionInput input(int current, ScalingPolicy policy, MetricInput... metrics) {
    return input(current, policy, DecisionState.empty(), metrics);
  }

  /** The input with {@code forecast} for its only metric. */
  static DecisionInput withForecast(DecisionInput input, ForecastSummary forecast) {
    return withForecasts(input, DecisionInput.forecastOf(input.metrics(), Optional.of(forecast)));
  }

  /** The input with forecasts by metric name. */
  static DecisionInput withForecasts(DecisionInput input, Map<String, ForecastSummary> forecasts) {
    return new DecisionInput(
        input.now(),
        input.currentReplicas(),
        input.readyReplicas(),
        input.metrics(),
        forecasts,
        input.policy(),
        input.state());
  }

  /** horizontal_test.go {@code generateScalingRules}: pods and/or percent policies, Max. */
  static ScalingRules rules(int pods, int podsPeriod, int percent, int percentPeriod, int window) {
    List<RatePolicy> policies = new ArrayList<>();
    if (pods != 0) {
      policies.add(RatePolicy.pods(pods, Duration.ofSeconds(podsPeriod)));
    }
    if (percent != 0) {
      policies.add(RatePolicy.percent(percent, Duration.ofSeconds(percentPeriod)));
    }
    return new ScalingRules(Duration.ofSeconds(window), SelectPolicy.MAX, policies);
  }

  /**
   * horizontal_test.go {@code generateEventsUniformDistribution}: events spread over the last
   * {@code periodSeconds}, each in the middle of its segment, oldest first.
   */
  static List<ScaleEvent> events(int periodSeconds, int... changes) {
    List<ScaleEvent> out = new ArrayList<>();
    double segment = (double) periodSeconds / changes.length;
    for (int i = 0; i < changes.length; i++) {
      double ago = periodSeconds - segment * (i + 1) + segment / 2;
      out.add(new ScaleEvent(T0.minusMillis(Math.round(ago * 1000)), changes[i]));
    }
    return out;
  }

  static TimedRecommendation rec(int replicas, long secondsAgo) {
    return new TimedRecommendation(T0.minusSeconds(secondsAgo), replicas);
  }
}
