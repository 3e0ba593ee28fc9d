package io.predictivescaler.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The workloads an invalid document names, read leniently so that its ConfigMap can still claim
 * them (a newer ConfigMap naming one of them stays shadowed) and report them as unmanaged: whatever
 * {@code workloads[].target} entries name a workload Kubernetes could hold, skipping malformed
 * ones. Empty when the YAML itself cannot be read.
 */
final class UnmanagedTargets {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private UnmanagedTargets() {}

  static List<TargetRef> targets(String yaml, String defaultNamespace) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException | RuntimeException e) {
      return List.of();
    }
    List<TargetRef> out = new ArrayList<>();
    if (root == null) {
      return out;
    }
    for (JsonNode workload : root.path("workloads")) {
      JsonNode target = workload.path("target");
      String kind = target.path("kind").asText(WorkloadKind.DEPLOYMENT.kind());
      String apiVersion = target.path("apiVersion").asText("");
      String namespace = target.path("namespace").asText(defaultNamespace);
      String name = target.path("name").asText("");
      // Only names Kubernetes could hold: these end up in logs and Events.
      if (WorkloadKind.KIND.matcher(kind).matches()
          && TargetRef.NAMESPACE.matcher(namespace).matches()
          && TargetRef.NAME.matcher(name).matches()) {
        kindOf(kind, apiVersion).ifPresent(k -> out.add(new TargetRef(k, namespace, name)));
      }
    }
    return List.copyOf(out);
  }

  /** The built-in kind of that name, or a custom one when its apiVersion can be read. */
  private static Optional<WorkloadKind> kindOf(String kind, String apiVersion) {
    Optional<WorkloadKind> builtIn = WorkloadKind.builtIn(kind);
    if (builtIn.isPresent() || !WorkloadKind.API_VERSION.matcher(apiVersion).matches()) {
      return builtIn;
    }
    return Optional.of(new WorkloadKind(apiVersion, kind));
  }
}
