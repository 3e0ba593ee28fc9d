package io.predictivescaler.core.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The policy documents accepted per ConfigMap and the {@link PolicySet} they merge into. A document
 * is accepted whole or not at all: when it is invalid, names a workload outside its ConfigMap's
 * namespace, or defines a workload another ConfigMap already defines, the ConfigMap's last good
 * document stays in force. Rejected documents are kept so that {@link #retryPending()} can accept
 * them once the conflict that blocked them is gone. Thread-safe.
 */
public final class PolicyStore {

  private final Optional<String> controlNamespace;
  private final Map<ConfigMapRef, PolicyDocument> accepted = new TreeMap<>();
  private final Map<ConfigMapRef, String> pending = new TreeMap<>();
  private PolicySet current = PolicySet.EMPTY;

  /**
   * @param controlNamespace the namespace whose ConfigMaps may target workloads in any namespace
   *     (predictive-scaler's own); ConfigMaps elsewhere may only target their own namespace
   */
  public PolicyStore(Optional<String> controlNamespace) {
    this.controlNamespace = Objects.requireNonNull(controlNamespace, "controlNamespace");
  }

  /** Offers a new version of a ConfigMap's document; returns its errors, empty when accepted. */
  public synchronized List<ConfigError> apply(ConfigMapRef source, String yaml) {
    List<ConfigError> errors = tryAccept(source, yaml);
    if (errors.isEmpty()) {
      pending.remove(source);
    } else {
      pending.put(source, yaml);
    }
    return errors;
  }

  /** Forgets a deleted ConfigMap; returns whether the effective policies changed. */
  public synchronized boolean remove(ConfigMapRef source) {
    pending.remove(source);
    if (accepted.remove(source) == null) {
      return false;
    }
    current = merge();
    return true;
  }

  /** Re-offers rejected documents; returns the ConfigMaps accepted now. */
  public synchronized List<ConfigMapRef> retryPending() {
    List<ConfigMapRef> nowAccepted = new ArrayList<>();
    for (Map.Entry<ConfigMapRef, String> e : new ArrayList<>(pending.entrySet())) {
      if (tryAccept(e.getKey(), e.getValue()).isEmpty()) {
        pending.remove(e.getKey());
        nowAccepted.add(e.getKey());
      }
    }
    return nowAccepted;
  }

  public synchronized PolicySet current() {
    return current;
  }

  /**
   * What the service says of one ConfigMap's document on its own, whatever other ConfigMaps hold:
   * the parser's errors, or the targets outside the namespaces it may scale. Empty when valid.
   */
  public List<ConfigError> validate(ConfigMapRef source, String yaml) {
    ParseResult result = PolicyParser.parse(yaml, source.namespace());
    if (!result.isValid()) {
      return result.errors();
    }
    List<ConfigError> errors = new ArrayList<>();
    List<WorkloadPolicy> workloads = result.document().orElseThrow().workloads();
    for (int i = 0; i < workloads.size(); i++) {
      TargetRef target = workloads.get(i).target();
      if (!mayTarget(source, target)) {
        errors.add(
            new ConfigError(
                "workloads[" + i + "].target.namespace", namespaceRule(source, target)));
      }
    }
    return errors;
  }

  private List<ConfigError> tryAccept(ConfigMapRef source, String yaml) {
    ParseResult result = PolicyParser.parse(yaml, source.namespace());
    if (!result.isValid()) {
      return result.errors();
    }
    PolicyDocument document = result.document().orElseThrow();
    List<ConfigError> errors = new ArrayList<>();
    Map<TargetRef, ConfigMapRef> owners = ownersExcept(source);
    List<WorkloadPolicy> workloads = document.workloads();
    for (int i = 0; i < workloads.size(); i++) {
      TargetRef target = workloads.get(i).target();
      String path = "workloads[" + i + "].target";
      if (!mayTarget(source, target)) {
        errors.add(new ConfigError(path + ".namespace", namespaceRule(source, target)));
      }
      ConfigMapRef owner = owners.get(target);
      if (owner != null) {
        errors.add(
            new ConfigError(path, target + " is defined in both " + source + " and " + owner));
      }
    }
    if (!errors.isEmpty()) {
      return errors;
    }
    accepted.put(source, document);
    current = merge();
    return List.of();
  }

  private boolean mayTarget(ConfigMapRef source, TargetRef target) {
    return target.namespace().equals(source.namespace())
        || controlNamespace.filter(source.namespace()::equals).isPresent();
  }

  private String namespaceRule(ConfigMapRef source, TargetRef target) {
    String unless = controlNamespace.map(ns -> " unless the ConfigMap is in " + ns).orElse("");
    return "must be the ConfigMap's namespace ("
        + source.namespace()
        + ")"
        + unless
        + ", got "
        + target.namespace();
  }

  private Map<TargetRef, ConfigMapRef> ownersExcept(ConfigMapRef source) {
    Map<TargetRef, ConfigMapRef> owners = new HashMap<>();
    accepted.forEach(
        (ref, doc) -> {
          if (!ref.equals(source)) {
            doc.workloads().forEach(w -> owners.put(w.target(), ref));
          }
        });
    return owners;
  }

  private PolicySet merge() {
    Map<TargetRef, WorkloadPolicy> workloads = new HashMap<>();
    Map<TargetRef, ConfigMapRef> sources = new HashMap<>();
    accepted.forEach(
        (ref, doc) ->
            doc.workloads()
                .forEach(
                    w -> {
                      workloads.put(w.target(), w);
                      sources.put(w.target(), ref);
                    }));
    return new PolicySet(workloads, sources);
  }
}
