package io.predictivescaler.core.decision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A multi-tick scenario read from {@code src/test/resources/scenarios/*.scenario}. Lines:
 *
 * <pre>
 * policy min=1 max=20 [upWindow=60s] [downWindow=300s] [up=pods:4/15s+percent:100/15s]
 *        [down=percent:100/15s] [tolerance=0.1] [burst=2.0]
 * target 100                      # load one replica serves (AverageValue of a total metric)
 * replicas 8                      # replicas before the first tick
 * state initial|empty             # default empty
 * at 15s load 400 [forecast 900 | untrusted 900 | history] -> 8 ScaleDownStabilized
 * </pre>
 *
 * Ticks run in order; each applies its decision, and pods are ready at once.
 */
record Scenario(
    ScalingPolicy policy, double target, int replicas, DecisionState state, List<Tick> ticks) {

  record Tick(
      Duration at,
      double load,
      Optional<ForecastSummary> forecast,
      int expectedReplicas,
      String expectedReason,
      int line) {}

  static Scenario parse(List<String> lines) {
    ScalingPolicy policy = null;
    double target = 0;
    int replicas = 0;
    DecisionState state = DecisionState.empty();
    List<Tick> ticks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).replaceAll("#.*", "").trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] words = line.split("\\s+");
      switch (words[0]) {
        case "policy" -> policy = policy(words);
        case "target" -> target = Double.parseDouble(words[1]);
        case "replicas" -> replicas = Integer.parseInt(words[1]);
        case "state" ->
            state = words[1].equals("initial") ? DecisionState.initial() : DecisionState.empty();
        case "at" -> ticks.add(tick(words, i + 1));
        default -> throw new IllegalArgumentException("line " + (i + 1) + ": unknown " + words[0]);
      }
    }
    return new Scenario(policy, target, replicas, state, ticks);
  }

  private static Tick tick(String[] w, int line) {
    Optional<ForecastSummary> forecast = Optional.empty();
    int arrow = List.of(w).indexOf("->");
    if (arrow == 5 && w[4].equals("history")) {
      forecast = Optional.of(ForecastSummary.insufficientHistory("auto", "cold start"));
    } else if (arrow == 6 && w[4].equals("forecast")) {
      forecast = Optional.of(ForecastSummary.trusted(Double.parseDouble(w[5]), "test"));
    } else if (arrow == 6 && w[4].equals("untrusted")) {
      forecast =
          Optional.of(ForecastSummary.untrusted(Double.parseDouble(w[5]), "test", "backtest lost"));
    } else if (arrow != 4) {
      throw new IllegalArgumentException("line " + line + ": cannot read the tick");
    }
    return new Tick(
        duration(w[1]),
        Double.parseDouble(w[3]),
        forecast,
        Integer.parseInt(w[arrow + 1]),
        w[arrow + 2],
        line);
  }

  private static ScalingPolicy policy(String[] words) {
    int min = 1;
    int max = 10;
    ScalingRules up = HpaDefaults.scaleUpRules();
    ScalingRules down = HpaDefaults.scaleDownRules();
    Tolerance tolerance = HpaDefaults.tolerance();
    Burst burst = Burst.disabled();
    for (int i = 1; i < words.length; i++) {
      String[] kv = words[i].split("=", 2);
      switch (kv[0]) {
        case "min" -> min = Integer.parseInt(kv[1]);
        case "max" -> max = Integer.parseInt(kv[1]);
        case "upWindow" -> up = up.withStabilizationWindow(duration(kv[1]));
        case "downWindow" -> down = down.withStabilizationWindow(duration(kv[1]));
        case "up" -> up = up.withPolicies(ratePolicies(kv[1]));
        case "down" -> down = down.withPolicies(ratePolicies(kv[1]));
        case "tolerance" -> tolerance = Tolerance.of(Double.parseDouble(kv[1]));
        case "burst" -> burst = Burst.enabled(Double.parseDouble(kv[1]));
        default -> throw new IllegalArgumentException("unknown policy field " + kv[0]);
      }
    }
    return new ScalingPolicy(min, max, tolerance, new Behavior(up, down), burst);
  }

  /** {@code pods:4/15s+percent:100/15s}. */
  private static List<RatePolicy> ratePolicies(String text) {
    List<RatePolicy> out = new ArrayList<>();
    for (String part : text.split("\\+")) {
      String[] typeRest = part.split(":");
      String[] valuePeriod = typeRest[1].split("/");
      RatePolicyType type = RatePolicyType.valueOf(typeRest[0].toUpperCase(java.util.Locale.ROOT));
      out.add(new RatePolicy(type, Integer.parseInt(valuePeriod[0]), duration(valuePeriod[1])));
    }
    return out;
  }

  private static Duration duration(String text) {
    return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
  }
}
