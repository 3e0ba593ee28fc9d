package io.predictivescaler.core.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a workload's {@code target}, shaped as an HPA's {@code scaleTargetRef}: {@code kind}
 * (default Deployment), {@code apiVersion} (apps/v1 for the built-in kinds, required for the
 * others), {@code name}, and {@code namespace} (default: the ConfigMap's).
 */
final class TargetReader {

  private static final String BUILT_IN_NAMES =
      WorkloadKind.BUILT_IN.stream().map(WorkloadKind::kind).collect(Collectors.joining(", "));
  private static final String APPS = WorkloadKind.DEPLOYMENT.apiVersion();

  private TargetReader() {}

  static Optional<TargetRef> read(FieldReader t, String defaultNamespace) {
    t.rejectUnknown(Set.of("apiVersion", "kind", "namespace", "name"), Map.of());
    Optional<WorkloadKind> kind = kind(t);
    String namespace = t.text("namespace", "a string").orElse(defaultNamespace);
    if (t.isSet("namespace") && !TargetRef.NAMESPACE.matcher(namespace).matches()) {
      t.error(
          "namespace",
          "must be a DNS-1123 label (lowercase letters, digits and '-', at most 63), got "
              + namespace);
    }
    t.require("name", "required");
    Optional<String> name = t.text("name", "a string");
    if (name.isPresent() && !TargetRef.NAME.matcher(name.get()).matches()) {
      t.error(
          "name",
          "must be a DNS-1123 subdomain (lowercase letters, digits, '-' and '.'), got "
              + name.get());
    }
    if (kind.isEmpty() || t.isInvalid("namespace") || !t.isSet("name")) {
      return Optional.empty();
    }
    return Optional.of(new TargetRef(kind.get(), namespace, name.get()));
  }

  private static Optional<WorkloadKind> kind(FieldReader t) {
    Optional<String> kind = t.text("kind", "a string");
    Optional<String> apiVersion = t.text("apiVersion", "a string");
    if (kind.isPresent() && !WorkloadKind.KIND.matcher(kind.get()).matches()) {
      String hint =
          WorkloadKind.BUILT_IN.stream()
              .map(WorkloadKind::kind)
              .filter(k -> k.equalsIgnoreCase(kind.get()))
              .findFirst()
              .map(k -> " (did you mean " + k + "?)")
              .orElse("");
      t.error(
          "kind",
          "must be a Kubernetes kind (CamelCase letters and digits, like StatefulSet), got "
              + kind.get()
              + hint);
    }
    if (apiVersion.isPresent() && !WorkloadKind.API_VERSION.matcher(apiVersion.get()).matches()) {
      t.error(
          "apiVersion",
          "must be group/version (like argoproj.io/v1alpha1) or a core version (v1), got "
              + apiVersion.get());
    }
    if (t.isInvalid("kind") || t.isInvalid("apiVersion")) {
      return Optional.empty();
    }
    String name = kind.orElse(WorkloadKind.DEPLOYMENT.kind());
    Optional<WorkloadKind> builtIn = WorkloadKind.builtIn(name);
    if (builtIn.isPresent()) {
      if (apiVersion.isPresent() && !apiVersion.get().equals(APPS)) {
        t.error("apiVersion", "must be " + APPS + " for " + name + ", got " + apiVersion.get());
        return Optional.empty();
      }
      return builtIn;
    }
    if (apiVersion.isEmpty()) {
      t.error(
          "apiVersion",
          "required for kind "
              + name
              + ", which is not built in ("
              + BUILT_IN_NAMES
              + "): the group/version of its API, like argoproj.io/v1alpha1 for an Argo"
              + " Rollout");
      return Optional.empty();
    }
    WorkloadKind custom = new WorkloadKind(apiVersion.get(), name);
    if (custom.group().equals(WorkloadKind.DEPLOYMENT.group())) {
      t.error(
          "kind",
          "must be one of "
              + BUILT_IN_NAMES
              + " for apps (the apps kinds with a scale subresource), got "
              + name);
      return Optional.empty();
    }
    return Optional.of(custom);
  }
}
