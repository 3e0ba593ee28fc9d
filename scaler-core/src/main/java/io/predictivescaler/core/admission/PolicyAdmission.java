package io.predictivescaler.core.admission;

import io.predictivescaler.core.config.ConfigError;
import io.predictivescaler.core.config.ConfigMapPolicyWatcher;
import io.predictivescaler.core.config.ConfigMapRef;
import io.predictivescaler.core.config.PolicyParser;
import io.predictivescaler.core.config.PolicySet;
import io.predictivescaler.core.config.PolicyStore;
import io.predictivescaler.core.config.PolicyWatchOptions;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides whether a write of a policy ConfigMap may be stored, by the rules the running service
 * applies when it reads that ConfigMap: the same parser, limits, namespace rule and PromQL
 * confinement ({@link PolicyStore#validate}), configured from the same {@link PolicyWatchOptions}
 * as the watcher. A ConfigMap the service would reject is denied with every error, one per line, as
 * {@code check-policy} prints them; anything the service would not read is allowed:
 *
 * <ul>
 *   <li>deletes (and CONNECT), and objects that are not ConfigMaps;
 *   <li>ConfigMaps without the label {@code predictive-scaler.io/policy: "true"}, including an
 *       update that removes it (the service then forgets the ConfigMap);
 *   <li>ConfigMaps in a namespace the service does not watch, with a warning saying it is ignored.
 * </ul>
 *
 * <p>A labelled ConfigMap without a {@code policies.yaml} key is denied: the service would reject
 * it the same way, and its workloads would stay unmanaged. A valid document whose workload another
 * ConfigMap already defines is allowed with a warning: only the oldest ConfigMap's definition is
 * applied.
 */
public final class PolicyAdmission {

  private final PolicyWatchOptions options;
  private final PolicyStore rules;
  private final Supplier<PolicySet> inForce;

  /**
   * @param options what the service's policy watcher is configured with
   * @param inForce the policies in force now, for the warning about workloads already defined
   */
  public PolicyAdmission(PolicyWatchOptions options, Supplier<PolicySet> inForce) {
    this.options = Objects.requireNonNull(options, "options");
    this.inForce = Objects.requireNonNull(inForce, "inForce");
    this.rules = new PolicyStore(options.controlNamespace(), options.prometheusTrustedNamespaces());
  }

  public AdmissionVerdict review(AdmissionRequest request) {
    if (!request.operation().writesObject()
        || !"ConfigMap".equals(request.kind())
        || !"true".equals(request.labels().get(ConfigMapPolicyWatcher.POLICY_LABEL))) {
      return AdmissionVerdict.allow();
    }
    ConfigMapRef ref = request.configMap();
    if (!options.watchesAllNamespaces() && !options.namespaces().contains(ref.namespace())) {
      return AdmissionVerdict.allow(
          List.of(
              "the predictive-scaler does not watch namespace "
                  + ref.namespace()
                  + " (it watches "
                  + String.join(", ", options.namespaces())
                  + "): this ConfigMap is not checked and its policies are ignored"));
    }
    Optional<String> yaml =
        Optional.ofNullable(request.data().get(ConfigMapPolicyWatcher.POLICY_KEY));
    List<ConfigError> errors =
        yaml.map(y -> rules.validate(ref, y))
            .orElse(List.of(ConfigMapPolicyWatcher.MISSING_POLICY_KEY));
    if (!errors.isEmpty()) {
      return AdmissionVerdict.deny(denial(ref, errors), List.of());
    }
    return AdmissionVerdict.allow(alreadyDefined(ref, yaml.orElseThrow()));
  }

  private static String denial(ConfigMapRef ref, List<ConfigError> errors) {
    StringBuilder message =
        new StringBuilder(ref.toString())
            .append(": predictive-scaler rejects this policy (")
            .append(errors.size())
            .append(errors.size() == 1 ? " error)" : " errors)");
    errors.forEach(e -> message.append('\n').append(e));
    return message.toString();
  }

  /** One warning per workload of the document that another ConfigMap's policy already covers. */
  private List<String> alreadyDefined(ConfigMapRef ref, String yaml) {
    PolicySet current = inForce.get();
    List<WorkloadPolicy> workloads =
        PolicyParser.parse(yaml, ref.namespace()).document().orElseThrow().workloads();
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < workloads.size(); i++) {
      TargetRef target = workloads.get(i).target();
      Optional<ConfigMapRef> owner = current.source(target).filter(o -> !o.equals(ref));
      if (owner.isPresent()) {
        warnings.add(
            "workloads["
                + i
                + "].target: "
                + target
                + " is also defined by "
                + owner.get()
                + ", in force now; only the oldest ConfigMap's definition applies, the other"
                + " gets a ShadowedPolicy Event");
      }
    }
    return warnings;
  }
}
