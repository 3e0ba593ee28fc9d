package io.predictivescaler.deploy;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The strategy-policies chart's admission policies, rendered with defaults, ready to evaluate. */
public final class AdmissionPolicies {

  private static final Map<String, AdmissionPolicyEvaluator> BY_NAME = load();

  private AdmissionPolicies() {}

  /** Keyed by the policy name without the release prefix, e.g. "require-probes". */
  public static Map<String, AdmissionPolicyEvaluator> byName() {
    return BY_NAME;
  }

  /** Messages of every policy matching the object's kind that rejects it. */
  public static List<String> violations(Map<String, Object> object) {
    String kind = String.valueOf(object.get("kind"));
    return BY_NAME.values().stream()
        .filter(p -> p.matches(kind))
        .flatMap(p -> p.violations(object).stream().map(m -> p.name() + ": " + m))
        .toList();
  }

  private static Map<String, AdmissionPolicyEvaluator> load() {
    Map<String, AdmissionPolicyEvaluator> policies = new LinkedHashMap<>();
    List<ValidatingAdmissionPolicy> rendered =
        Manifests.ofType(
            ChartRenderer.renderObjects(ChartRenderer.POLICIES, Map.of()),
            ValidatingAdmissionPolicy.class);
    for (ValidatingAdmissionPolicy policy : rendered) {
      String name = policy.getMetadata().getName().substring(ChartRenderer.RELEASE.length() + 1);
      policies.put(name, new AdmissionPolicyEvaluator(policy));
    }
    return Map.copyOf(policies);
  }
}
