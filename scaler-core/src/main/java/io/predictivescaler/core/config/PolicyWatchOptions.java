package io.predictivescaler.core.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the policy watcher looks.
 *
 * @param namespaces the namespaces watched for policy ConfigMaps; empty means all namespaces
 * @param controlNamespace the namespace whose ConfigMaps may target workloads in any namespace,
 *     normally predictive-scaler's own; ConfigMaps elsewhere may only target their own namespace
 * @param prometheusTrustedNamespaces namespaces whose ConfigMaps' PromQL runs as written; a query
 *     of a ConfigMap elsewhere must be confinable to its namespace, or the document is rejected
 */
public record PolicyWatchOptions(
    List<String> namespaces,
    Optional<String> controlNamespace,
    Set<String> prometheusTrustedNamespaces) {

  public PolicyWatchOptions {
    namespaces = List.copyOf(namespaces);
    Objects.requireNonNull(controlNamespace, "controlNamespace");
    prometheusTrustedNamespaces = Set.copyOf(prometheusTrustedNamespaces);
    for (String ns : namespaces) {
      if (!TargetRef.NAMESPACE.matcher(ns).matches()) {
        throw new IllegalArgumentException("not a namespace name: " + ns);
      }
    }
    if (namespaces.size() != namespaces.stream().distinct().count()) {
      throw new IllegalArgumentException("namespaces listed twice: " + namespaces);
    }
  }

  /** Trusting no namespace's PromQL. */
  public PolicyWatchOptions(List<String> namespaces, Optional<String> controlNamespace) {
    this(namespaces, controlNamespace, Set.of());
  }

  public static PolicyWatchOptions allNamespaces(Optional<String> controlNamespace) {
    return new PolicyWatchOptions(List.of(), controlNamespace);
  }

  public boolean watchesAllNamespaces() {
    return namespaces.isEmpty();
  }
}
