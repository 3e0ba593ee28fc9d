package io.predictivescaler.core.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accepted and rejected versions of each policy ConfigMap, tagged {@code namespace} and {@code
 * configmap}. Both counters of a ConfigMap are registered, at 0, when its first version is handled
 * (so a later first rejection shows as an increase) and removed when it is deleted: two series per
 * policy ConfigMap that exists.
 */
final class ConfigMapCounters {

  private record Pair(Counter accepted, Counter rejected) {}

  private final MeterRegistry registry;
  private final Map<ConfigMapRef, Pair> counters = new ConcurrentHashMap<>();

  ConfigMapCounters(MeterRegistry registry) {
    this.registry = registry;
  }

  void accepted(ConfigMapRef ref) {
    of(ref).accepted().increment();
  }

  void rejected(ConfigMapRef ref) {
    of(ref).rejected().increment();
  }

  /** Removes the ConfigMap's series; a ConfigMap of the same name later starts again at 0. */
  void forget(ConfigMapRef ref) {
    Pair removed = counters.remove(ref);
    if (removed != null) {
      registry.remove(removed.accepted());
      registry.remove(removed.rejected());
    }
  }

  private Pair of(ConfigMapRef ref) {
    return counters.computeIfAbsent(
        ref,
        r ->
            new Pair(
                counter(
                    ConfigMapPolicyWatcher.ACCEPTED_METER, "Policy ConfigMap versions accepted", r),
                counter(
                    ConfigMapPolicyWatcher.REJECTED_METER,
                    "Policy ConfigMap versions rejected as invalid; the last good one stays",
                    r)));
  }

  private Counter counter(String name, String description, ConfigMapRef ref) {
    return Counter.builder(name)
        .description(description)
        .tag("namespace", ref.namespace())
        .tag("configmap", ref.name())
        .register(registry);
  }
}
