package io.predictivescaler.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One (API group, resource, verb) grant: RBAC rules and the service's needs, normalised. */
public record Permission(String apiGroup, String resource, String verb)
    implements Comparable<Permission> {

  /** The service's needs; the single source of truth shared with scaler-core. */
  public static final Path REQUIRED =
      Path.of(
          "..",
          "scaler-core",
          "src",
          "main",
          "resources",
          "io",
          "predictivescaler",
          "core",
          "kube",
          "required-permissions.yaml");

  public static Set<Permission> required() {
    List<Map<String, Object>> entries;
    try {
      entries =
          new ObjectMapper(new YAMLFactory())
              .readValue(REQUIRED.toFile(), new TypeReference<List<Map<String, Object>>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + REQUIRED, e);
    }
    Set<Permission> permissions = new TreeSet<>();
    for (Map<String, Object> entry : entries) {
      String group = String.valueOf(entry.get("apiGroup"));
      String resource = String.valueOf(entry.get("resource"));
      for (Object verb : (List<?>) entry.get("verbs")) {
        permissions.add(new Permission(group, resource, String.valueOf(verb)));
      }
    }
    return permissions;
  }

  /** Expands rules into single grants; resourceNames-restricted rules are kept out on purpose. */
  public static Set<Permission> granted(Collection<PolicyRule> rules) {
    Set<Permission> permissions = new TreeSet<>();
    for (PolicyRule rule : rules) {
      if (rule.getResourceNames() != null && !rule.getResourceNames().isEmpty()) {
        throw new IllegalArgumentException("unexpected resourceNames in " + rule);
      }
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          for (String verb : rule.getVerbs()) {
            permissions.add(new Permission(group, resource, verb));
          }
        }
      }
    }
    return permissions;
  }

  @Override
  public int compareTo(Permission other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public String toString() {
    return (apiGroup.isEmpty() ? "core" : apiGroup) + "/" + resource + ":" + verb;
  }
}
