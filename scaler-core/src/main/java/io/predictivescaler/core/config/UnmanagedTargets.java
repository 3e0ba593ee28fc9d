package io.predictivescaler.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The workloads an invalid document names, read leniently so that they can be reported as
 * unmanaged: whatever {@code workloads[].target} entries have a name, as {@code Deployment
 * shop/checkout}, skipping malformed names. Empty when the YAML itself cannot be read.
 */
final class UnmanagedTargets {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private UnmanagedTargets() {}

  static List<String> named(String yaml, String defaultNamespace) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException | RuntimeException e) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
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
        out.add(kindName(kind, apiVersion) + " " + namespace + "/" + name);
      }
    }
    return List.copyOf(out);
  }

  /** As {@link WorkloadKind#toString()} where the apiVersion can be read, else the kind alone. */
  private static String kindName(String kind, String apiVersion) {
    if (WorkloadKind.builtIn(kind).isPresent()
        || !WorkloadKind.API_VERSION.matcher(apiVersion).matches()) {
      return kind;
    }
    return new WorkloadKind(apiVersion, kind).toString();
  }
}
