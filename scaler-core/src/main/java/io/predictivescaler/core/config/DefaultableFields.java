package io.predictivescaler.core.config;

import io.predictivescaler.core.decision.Burst;
import io.predictivescaler.core.decision.Tolerance;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the fields that both {@code defaults} and a workload may set ({@link PolicyFields#ALL}),
 * over base settings. This is the one place where defaults are applied: built-in, then the
 * document's defaults, then the workload's own fields. Also the readers of the fields whose shape
 * is their own (tolerance, lead time, burst).
 */
final class DefaultableFields {

  static final Set<String> NAMES =
      PolicyFields.ALL.stream().map(PolicyField::name).collect(Collectors.toUnmodifiableSet());

  private static final String FRACTION = ">= 0 and < 1";

  private DefaultableFields() {}

  static PolicySettings read(FieldReader r, PolicySettings base) {
    PolicySettings settings = base;
    for (PolicyField<?> field : PolicyFields.ALL) {
      settings = readOne(r, field, settings);
    }
    PolicyRules.check(
        settings,
        (a, b, holds, messageForA, messageForB) -> {
          if (r.isInvalid(topLevel(a)) || r.isInvalid(topLevel(b)) || holds) {
            return;
          }
          // Reported at the field set in this scope; when neither is, the scope above checked it.
          if (r.isSet(topLevel(a))) {
            r.error(a, messageForA.get());
          } else if (r.isSet(topLevel(b))) {
            r.error(b, messageForB.get());
          }
        });
    return settings;
  }

  private static String topLevel(String field) {
    int dot = field.indexOf('.');
    return dot < 0 ? field : field.substring(0, dot);
  }

  private static <T> PolicySettings readOne(
      FieldReader r, PolicyField<T> field, PolicySettings settings) {
    return field.read(r, settings.get(field)).map(v -> settings.with(field, v)).orElse(settings);
  }

  static Optional<Tolerance> readTolerance(FieldReader r, String name, Tolerance base) {
    if (!r.isObject(name)) {
      return r.number(name, DefaultableFields::isFraction, FRACTION).map(Tolerance::of);
    }
    FieldReader t = r.object(name).orElseThrow();
    t.rejectUnknown(Set.of("up", "down"), Map.of());
    double up = t.number("up", DefaultableFields::isFraction, FRACTION).orElse(base.up());
    double down = t.number("down", DefaultableFields::isFraction, FRACTION).orElse(base.down());
    return Optional.of(new Tolerance(up, down));
  }

  /** {@code auto} (empty) or a fixed duration. */
  static Optional<Optional<Duration>> readAutoOrDuration(
      FieldReader r, String name, Optional<Duration> base) {
    String shape = "auto or a duration like 90s";
    Optional<String> text = r.text(name, shape);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String t = text.get();
    if ("auto".equals(t)) {
      return Optional.of(Optional.empty());
    }
    Optional<Duration> lead = GoDuration.parse(t);
    if (lead.isEmpty()) {
      r.error(name, "must be " + shape + ", got " + t);
      return Optional.empty();
    }
    if (!PolicyRules.isPositive(lead.get())) {
      r.error(name, "must be > 0, got " + t);
      return Optional.empty();
    }
    return Optional.of(lead);
  }

  /**
   * The decision pipeline accepts a factor of 1; a policy must ask for more, so that the burst path
   * stays an overload response rather than every scale-up.
   */
  static Burst readBurst(FieldReader r, Burst base) {
    r.rejectUnknown(Set.of("enabled", "factor"), Map.of());
    boolean enabled = r.bool("enabled").orElse(base.enabled());
    double factor = r.number("factor", f -> f > 1, "> 1").orElse(base.factor());
    return new Burst(enabled, factor);
  }

  private static boolean isFraction(double v) {
    return v >= 0 && v < 1;
  }
}
