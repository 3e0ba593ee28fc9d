package io.predictivescaler.core.config;

import io.predictivescaler.core.decision.Burst;
import io.predictivescaler.core.decision.Tolerance;
import io.predictivescaler.forecast.ModelKind;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Reads the fields that both {@code defaults} and a workload may set, over a base draft. This is
 * the one place where defaults are applied: built-in, then the document's defaults, then the
 * workload's own fields.
 */
final class DefaultableFields {

  static final Set<String> NAMES =
      Set.of(
          "step",
          "horizon",
          "window",
          "refit",
          "model",
          "quantile",
          "tolerance",
          "leadTime",
          "leadTimeFallback",
          "mode",
          "minReplicas",
          "behavior",
          "burst");

  private static final String FRACTION = ">= 0 and < 1";

  private DefaultableFields() {}

  static PolicyDraft read(FieldReader r, PolicyDraft base) {
    PolicyDraft d = base.copy();
    r.duration("step", PolicyInvariants.MIN_STEP).ifPresent(v -> d.step = v);
    r.duration("horizon", Duration.ZERO).ifPresent(v -> d.horizon = v);
    r.duration("window", Duration.ZERO).ifPresent(v -> d.window = v);
    r.duration("refit", Duration.ZERO).ifPresent(v -> d.refit = v);
    r.oneOf("model", ModelKind.values(), ModelKind::configName).ifPresent(v -> d.model = v);
    r.number("quantile", q -> q > 0.5 && q < 1, "> 0.5 and < 1").ifPresent(v -> d.quantile = v);
    readTolerance(r, d);
    readLeadTime(r, d);
    r.oneOf("mode", ScalingMode.values(), ScalingMode::yamlName).ifPresent(v -> d.mode = v);
    r.integer("minReplicas", n -> n >= 1, ">= 1 (scale to zero is not supported)")
        .ifPresent(v -> d.minReplicas = v);
    r.object("behavior").ifPresent(b -> d.behavior = BehaviorReader.read(b, d.behavior));
    r.object("burst").ifPresent(b -> d.burst = readBurst(b, d.burst));
    crossCheck(r, d);
    return d;
  }

  private static void readTolerance(FieldReader r, PolicyDraft d) {
    if (!r.isObject("tolerance")) {
      r.number("tolerance", DefaultableFields::isFraction, FRACTION)
          .ifPresent(t -> d.tolerance = Tolerance.of(t));
      return;
    }
    FieldReader t = r.object("tolerance").orElseThrow();
    t.rejectUnknown(Set.of("up", "down"), Map.of());
    double up = t.number("up", DefaultableFields::isFraction, FRACTION).orElse(d.tolerance.up());
    double down =
        t.number("down", DefaultableFields::isFraction, FRACTION).orElse(d.tolerance.down());
    d.tolerance = new Tolerance(up, down);
  }

  private static void readLeadTime(FieldReader r, PolicyDraft d) {
    String shape = "auto or a duration like 90s";
    r.text("leadTime", shape)
        .ifPresent(
            t -> {
              Optional<Duration> lead = "auto".equals(t) ? Optional.empty() : GoDuration.parse(t);
              if ("auto".equals(t)) {
                d.leadTimeFixed = null;
              } else if (lead.isEmpty()) {
                r.error("leadTime", "must be " + shape + ", got " + t);
              } else if (!PolicyInvariants.isPositive(lead.get())) {
                r.error("leadTime", "must be > 0, got " + t);
              } else {
                d.leadTimeFixed = lead.get();
              }
            });
    r.duration("leadTimeFallback", Duration.ZERO).ifPresent(v -> d.leadTimeFallback = v);
  }

  /**
   * The decision pipeline accepts a factor of 1; a policy must ask for more, so that the burst path
   * stays an overload response rather than every scale-up.
   */
  private static Burst readBurst(FieldReader r, Burst base) {
    r.rejectUnknown(Set.of("enabled", "factor"), Map.of());
    boolean enabled = r.bool("enabled").orElse(base.enabled());
    double factor = r.number("factor", f -> f > 1, "> 1").orElse(base.factor());
    return new Burst(enabled, factor);
  }

  private static boolean isFraction(double v) {
    return v >= 0 && v < 1;
  }

  /**
   * Rules between fields. A rule is reported at the first of its two fields set in this scope, and
   * skipped when neither is (the scope above already checked it) or when either is invalid.
   */
  private static void crossCheck(FieldReader r, PolicyDraft d) {
    String step = GoDuration.format(d.step);
    String window = GoDuration.format(d.window);
    String horizon = GoDuration.format(d.horizon);
    String refit = GoDuration.format(d.refit);
    rule(
        r,
        "step",
        "window",
        () -> PolicyInvariants.divides(d.step, d.window),
        () -> "must divide window (" + window + ") evenly, got " + step,
        () -> "must be a multiple of step (" + step + "), got " + window);
    rule(
        r,
        "horizon",
        "window",
        () -> d.horizon.compareTo(d.window) <= 0,
        () -> "must be <= window (" + window + "), got " + horizon,
        () -> "must be >= horizon (" + horizon + "), got " + window);
    rule(
        r,
        "horizon",
        "step",
        () -> d.horizon.compareTo(d.step) >= 0,
        () -> "must be >= step (" + step + "), got " + horizon,
        () -> "must be <= horizon (" + horizon + "), got " + step);
    rule(
        r,
        "refit",
        "step",
        () -> d.refit.compareTo(d.step) >= 0,
        () -> "must be >= step (" + step + "), got " + refit,
        () -> "must be <= refit (" + refit + "), got " + step);
    boolean fixed = d.leadTimeFixed != null;
    String leadField = fixed ? "leadTime" : "leadTimeFallback";
    Duration lead = fixed ? d.leadTimeFixed : d.leadTimeFallback;
    String leadText = GoDuration.format(lead);
    rule(
        r,
        leadField,
        "horizon",
        () -> lead.compareTo(d.horizon) <= 0,
        () -> "must be <= horizon (" + horizon + "), got " + leadText,
        () -> "must be >= " + leadField + " (" + leadText + "), got " + horizon);
  }

  private static void rule(
      FieldReader r,
      String a,
      String b,
      BooleanSupplier holds,
      Supplier<String> messageForA,
      Supplier<String> messageForB) {
    if (r.isInvalid(a) || r.isInvalid(b) || holds.getAsBoolean()) {
      return;
    }
    if (r.isSet(a)) {
      r.error(a, messageForA.get());
    } else if (r.isSet(b)) {
      r.error(b, messageForB.get());
    }
  }
}
