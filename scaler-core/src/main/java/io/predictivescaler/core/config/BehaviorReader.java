package io.predictivescaler.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.predictivescaler.core.decision.Behavior;
import io.predictivescaler.core.decision.RatePolicy;
import io.predictivescaler.core.decision.RatePolicyType;
import io.predictivescaler.core.decision.ScalingRules;
import io.predictivescaler.core.decision.SelectPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code behavior} in the autoscaling/v2 shape, field by field over a base: a direction or
 * field left out keeps the base's value; a {@code policies} list given replaces the base's list.
 * Limits are the API server's for HPAs, which also requires a policy even when {@code selectPolicy}
 * is {@code Disabled}.
 */
final class BehaviorReader {

  private static final int MAX_PERIOD_SECONDS = (int) RatePolicy.MAX_PERIOD.toSeconds();
  private static final int MAX_WINDOW_SECONDS =
      (int) ScalingRules.MAX_STABILIZATION_WINDOW.toSeconds();

  private BehaviorReader() {}

  static Behavior read(FieldReader r, Behavior base) {
    r.rejectUnknown(Set.of("scaleUp", "scaleDown"), Map.of());
    ScalingRules up = r.object("scaleUp").map(u -> rules(u, base.scaleUp())).orElse(base.scaleUp());
    ScalingRules down =
        r.object("scaleDown").map(u -> rules(u, base.scaleDown())).orElse(base.scaleDown());
    return new Behavior(up, down);
  }

  /** {@code behavior} as policies.yaml writes it, for status output. */
  static Map<String, Object> yaml(Behavior behavior) {
    return Map.of("scaleUp", yaml(behavior.scaleUp()), "scaleDown", yaml(behavior.scaleDown()));
  }

  private static Map<String, Object> yaml(ScalingRules rules) {
    return Map.of(
        "stabilizationWindowSeconds",
        rules.stabilizationWindow().toSeconds(),
        "selectPolicy",
        yamlName(rules.selectPolicy()),
        "policies",
        rules.policies().stream()
            .map(
                p ->
                    Map.of(
                        "type",
                        yamlName(p.type()),
                        "value",
                        p.value(),
                        "periodSeconds",
                        p.period().toSeconds()))
            .toList());
  }

  /** {@code selectPolicy} as policies.yaml spells it, the autoscaling/v2 way. */
  private static String yamlName(SelectPolicy select) {
    return switch (select) {
      case MAX -> "Max";
      case MIN -> "Min";
      case DISABLED -> "Disabled";
    };
  }

  /** A rate policy's {@code type} as policies.yaml spells it, the autoscaling/v2 way. */
  private static String yamlName(RatePolicyType type) {
    return switch (type) {
      case PODS -> "Pods";
      case PERCENT -> "Percent";
    };
  }

  private static ScalingRules rules(FieldReader r, ScalingRules base) {
    int errorsBefore = r.errorCount();
    r.rejectUnknown(Set.of("stabilizationWindowSeconds", "selectPolicy", "policies"), Map.of());
    Duration window =
        r.integer(
                "stabilizationWindowSeconds",
                s -> s >= 0 && s <= MAX_WINDOW_SECONDS,
                ">= 0 and <= " + MAX_WINDOW_SECONDS)
            .map(Duration::ofSeconds)
            .orElse(base.stabilizationWindow());
    SelectPolicy select =
        r.oneOf("selectPolicy", SelectPolicy.values(), BehaviorReader::yamlName)
            .orElse(base.selectPolicy());
    List<RatePolicy> policies = r.list("policies").map(l -> policies(r, l)).orElse(null);
    if (r.errorCount() > errorsBefore) {
      return base;
    }
    return new ScalingRules(window, select, policies == null ? base.policies() : policies);
  }

  private static List<RatePolicy> policies(FieldReader r, ArrayNode list) {
    if (list.isEmpty()) {
      r.error("policies", "must not be empty");
      return List.of();
    }
    List<RatePolicy> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String path = r.path("policies") + "[" + i + "]";
      policy(list.get(i), path, r).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<RatePolicy> policy(JsonNode node, String path, FieldReader parent) {
    if (!node.isObject()) {
      parent.errorAt(path, "must be a mapping, got " + FieldReader.describe(node, false));
      return Optional.empty();
    }
    FieldReader p = parent.child((ObjectNode) node, path);
    p.rejectUnknown(Set.of("type", "value", "periodSeconds"), Map.of());
    p.require("type", "required (Pods or Percent)");
    p.require("value", "required");
    p.require("periodSeconds", "required");
    Optional<RatePolicyType> type =
        p.oneOf("type", RatePolicyType.values(), BehaviorReader::yamlName);
    Optional<Integer> value = p.integer("value", v -> v > 0, "> 0");
    Optional<Integer> period =
        p.integer(
            "periodSeconds",
            s -> s > 0 && s <= MAX_PERIOD_SECONDS,
            "> 0 and <= " + MAX_PERIOD_SECONDS);
    if (type.isEmpty() || value.isEmpty() || period.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RatePolicy(type.get(), value.get(), Duration.ofSeconds(period.get())));
  }
}
