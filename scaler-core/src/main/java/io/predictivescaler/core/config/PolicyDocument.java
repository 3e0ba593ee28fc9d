package io.predictivescaler.core.config;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One validated {@code policies.yaml}: its resolved defaults and its resolved workloads. */
public record PolicyDocument(PolicySettings defaults, List<WorkloadPolicy> workloads) {

  public PolicyDocument {
    Objects.requireNonNull(defaults, "defaults");
    PolicyRules.requireHeld(defaults);
    workloads = List.copyOf(workloads);
    Set<TargetRef> seen = new HashSet<>();
    for (WorkloadPolicy w : workloads) {
      if (!seen.add(w.target())) {
        throw new IllegalArgumentException("duplicate target " + w.target());
      }
    }
  }
}
