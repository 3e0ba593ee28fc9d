package io.predictivescaler.core.config;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The effective policies in force: one per workload, merged from every accepted ConfigMap, each
 * with the ConfigMap it came from. Immutable; a reload produces a new set.
 */
public record PolicySet(
    Map<TargetRef, WorkloadPolicy> workloads, Map<TargetRef, ConfigMapRef> sources) {

  public static final PolicySet EMPTY = new PolicySet(Map.of(), Map.of());

  public PolicySet {
    workloads = Collections.unmodifiableMap(new TreeMap<>(workloads));
    sources = Collections.unmodifiableMap(new TreeMap<>(sources));
    if (!workloads.keySet().equals(sources.keySet())) {
      throw new IllegalArgumentException("every workload needs exactly one source");
    }
    workloads.forEach(
        (target, policy) -> {
          if (!Objects.equals(target, policy.target())) {
            throw new IllegalArgumentException(
                "policy for " + policy.target() + " keyed as " + target);
          }
        });
  }

  public Optional<WorkloadPolicy> policy(TargetRef target) {
    return Optional.ofNullable(workloads.get(target));
  }

  public Optional<ConfigMapRef> source(TargetRef target) {
    return Optional.ofNullable(sources.get(target));
  }

  public int size() {
    return workloads.size();
  }
}
