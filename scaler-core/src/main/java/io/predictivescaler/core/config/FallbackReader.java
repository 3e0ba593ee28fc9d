package io.predictivescaler.core.config;

import io.predictivescaler.core.decision.Fallback;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code fallback}: {@code none}, or {@code {replicas, after}} merged field by field over the
 * fallback in force (both are required when there is none), KEDA's fallback with a duration in
 * place of a count of failures.
 */
final class FallbackReader {

  static final String NONE = "none";

  private static final String SHAPE = "none or a mapping with replicas and after";

  private FallbackReader() {}

  static Optional<Optional<Fallback>> read(FieldReader r, String name, Optional<Fallback> base) {
    if (!r.isObject(name)) {
      Optional<String> text = r.text(name, SHAPE);
      if (text.isEmpty()) {
        return Optional.empty();
      }
      if (text.get().equals(NONE)) {
        return Optional.of(Optional.empty());
      }
      r.error(name, "must be " + SHAPE + ", got " + text.get());
      return Optional.empty();
    }
    FieldReader f = r.object(name).orElseThrow();
    int errorsBefore = f.errorCount();
    f.rejectUnknown(
        Set.of("replicas", "after"),
        Map.of("failureThreshold", "use after, how long metrics must be unavailable"));
    if (base.isEmpty()) {
      f.require("replicas", "required");
      f.require("after", "required (a duration like 5m)");
    }
    Optional<Integer> replicas = f.integer("replicas", n -> n >= 1, ">= 1");
    Optional<Duration> after = f.duration("after", Duration.ZERO, Optional.empty());
    if (f.errorCount() > errorsBefore) {
      r.markInvalid(name);
      return Optional.empty();
    }
    return Optional.of(
        Optional.of(
            new Fallback(
                replicas.orElseGet(() -> base.orElseThrow().replicas()),
                after.orElseGet(() -> base.orElseThrow().after()))));
  }

  /** {@code fallback} as policies.yaml writes it, for status output. */
  static Object yaml(Optional<Fallback> fallback) {
    if (fallback.isEmpty()) {
      return NONE;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("replicas", fallback.get().replicas());
    out.put("after", GoDuration.format(fallback.get().after()));
    return out;
  }
}
