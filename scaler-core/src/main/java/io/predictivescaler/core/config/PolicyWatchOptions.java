package io.predictivescaler.core.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the policy watcher looks.
 *
 * @param namespaces the namespaces watched for policy ConfigMaps; empty means all namespaces
 * @param controlNamespace the namespace whose ConfigMaps may target workloads in any namespace,
 *     normally predictive-scaler's own; ConfigMaps elsewhere may only target their own namespace
 */
public record PolicyWatchOptions(List<String> namespaces, Optional<String> controlNamespace) {

  public PolicyWatchOptions {
    namespaces = List.copyOf(namespaces);
    Objects.requireNonNull(controlNamespace, "controlNamespace");
    for (String ns : namespaces) {
      if (!TargetRef.NAMESPACE.matcher(ns).matches()) {
        throw new IllegalArgumentException("not a namespace name: " + ns);
      }
    }
    if (namespaces.size() != namespaces.stream().distinct().count()) {
      throw new IllegalArgumentException("namespaces listed twice: " + namespaces);
    }
  }

  public static PolicyWatchOptions allNamespaces(Optional<String> controlNamespace) {
    return new PolicyWatchOptions(List.of(), controlNamespace);
  }

  public boolean watchesAllNamespaces() {
    return namespaces.isEmpty();
  }
}
