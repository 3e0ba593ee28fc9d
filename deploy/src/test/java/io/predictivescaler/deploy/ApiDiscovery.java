package io.predictivescaler.deploy;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discovery documents ({@code /api}, {@code /apis}, {@code /api/v1}, {@code
 * /apis/GROUP/VERSION}) of an API server serving the kinds the charts create, which fabric8's mock
 * server does not answer: Helm maps every manifest to a resource through them.
 */
final class ApiDiscovery {

  record Resource(String group, String version, String plural, String kind, boolean namespaced) {
    String groupVersion() {
      return group.isEmpty() ? version : group + "/" + version;
    }
  }

  static final List<Resource> RESOURCES =
      List.of(
          new Resource("", "v1", "namespaces", "Namespace", false),
          new Resource("", "v1", "configmaps", "ConfigMap", true),
          new Resource("", "v1", "secrets", "Secret", true),
          new Resource("", "v1", "serviceaccounts", "ServiceAccount", true),
          new Resource("", "v1", "services", "Service", true),
          new Resource("", "v1", "endpoints", "Endpoints", true),
          new Resource("", "v1", "pods", "Pod", true),
          new Resource("", "v1", "events", "Event", true),
          new Resource("apps", "v1", "deployments", "Deployment", true),
          new Resource("apps", "v1", "statefulsets", "StatefulSet", true),
          new Resource("apps", "v1", "replicasets", "ReplicaSet", true),
          new Resource("batch", "v1", "jobs", "Job", true),
          new Resource(
              "autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true),
          new Resource("coordination.k8s.io", "v1", "leases", "Lease", true),
          new Resource("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true),
          new Resource("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true),
          new Resource("rbac.authorization.k8s.io", "v1", "roles", "Role", true),
          new Resource("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true),
          new Resource("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false),
          new Resource(
              "rbac.authorization.k8s.io",
              "v1",
              "clusterrolebindings",
              "ClusterRoleBinding",
              false),
          new Resource(
              "admissionregistration.k8s.io",
              "v1",
              "validatingwebhookconfigurations",
              "ValidatingWebhookConfiguration",
              false),
          new Resource("monitoring.coreos.com", "v1", "servicemonitors", "ServiceMonitor", true),
          new Resource("monitoring.coreos.com", "v1", "prometheusrules", "PrometheusRule", true),
          new Resource("cert-manager.io", "v1", "issuers", "Issuer", true),
          new Resource("cert-manager.io", "v1", "certificates", "Certificate", true));

  private static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  private ApiDiscovery() {}

  /** The document served at {@code path}, or empty when {@code path} is no discovery path. */
  static Optional<String> document(String path) {
    if (path.equals("/version")) {
      return Optional.of(
          json(
              Map.of(
                  "major", "1",
                  "minor", "33",
                  "gitVersion", "v1.33.0",
                  "platform", "linux/amd64")));
    }
    if (path.equals("/openapi/v3")) {
      return Optional.of(json(openApiRoot()));
    }
    if (path.startsWith("/openapi/v3/")) {
      String gv = path.substring("/openapi/v3/".length()).replaceFirst("^apis?/", "");
      List<Resource> served = RESOURCES.stream().filter(r -> r.groupVersion().equals(gv)).toList();
      return served.isEmpty() ? Optional.empty() : Optional.of(json(openApi(served)));
    }
    if (path.equals("/api")) {
      return Optional.of(json(Map.of("kind", "APIVersions", "versions", List.of("v1"))));
    }
    if (path.equals("/apis")) {
      return Optional.of(json(groupList()));
    }
    String groupVersion =
        path.startsWith("/api/")
            ? path.substring(5)
            : path.startsWith("/apis/") ? path.substring(6) : "";
    List<Resource> served =
        RESOURCES.stream().filter(r -> r.groupVersion().equals(groupVersion)).toList();
    if (served.isEmpty() || (path.startsWith("/api/") != served.get(0).group().isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(json(resourceList(groupVersion, served)));
  }

  private static Map<String, Object> groupList() {
    Map<String, Map<String, Object>> groups = new LinkedHashMap<>();
    for (Resource r : RESOURCES) {
      if (r.group().isEmpty() || groups.containsKey(r.group())) {
        continue;
      }
      Map<String, String> version =
          Map.of("groupVersion", r.groupVersion(), "version", r.version());
      groups.put(
          r.group(),
          Map.of("name", r.group(), "versions", List.of(version), "preferredVersion", version));
    }
    return Map.of(
        "kind", "APIGroupList", "apiVersion", "v1", "groups", List.copyOf(groups.values()));
  }

  private static Map<String, Object> resourceList(String groupVersion, List<Resource> served) {
    List<Map<String, Object>> resources =
        served.stream()
            .map(
                r ->
                    Map.<String, Object>of(
                        "name", r.plural(),
                        "singularName", r.kind().toLowerCase(),
                        "namespaced", r.namespaced(),
                        "kind", r.kind(),
                        "verbs", VERBS))
            .toList();
    return Map.of(
        "kind",
        "APIResourceList",
        "apiVersion",
        "v1",
        "groupVersion",
        groupVersion,
        "resources",
        resources);
  }

  private static Map<String, Object> openApiRoot() {
    Map<String, Object> paths = new LinkedHashMap<>();
    for (Resource r : RESOURCES) {
      String prefix = r.group().isEmpty() ? "api/" : "apis/";
      paths.put(
          prefix + r.groupVersion(),
          Map.of("serverRelativeURL", "/openapi/v3/" + prefix + r.groupVersion()));
    }
    return Map.of("paths", paths);
  }

  /**
   * A PATCH operation per kind that accepts {@code fieldValidation}: Helm then leaves the
   * validation of field names to the server instead of downloading every kind's schema (which the
   * mock server does not have). The mock server checks no field name: a misspelled field in a
   * template passes here and would fail on a real API server.
   */
  private static Map<String, Object> openApi(List<Resource> served) {
    Map<String, Object> paths = new LinkedHashMap<>();
    for (Resource r : served) {
      String base = (r.group().isEmpty() ? "/api/" : "/apis/") + r.groupVersion();
      String path =
          base + (r.namespaced() ? "/namespaces/{namespace}/" : "/") + r.plural() + "/{name}";
      Map<String, Object> patch =
          Map.of(
              "x-kubernetes-group-version-kind",
              Map.of("group", r.group(), "version", r.version(), "kind", r.kind()),
              "parameters",
              List.of(
                  Map.of(
                      "name",
                      "fieldValidation",
                      "in",
                      "query",
                      "schema",
                      Map.of("type", "string"))),
              "responses",
              Map.of());
      paths.put(path, Map.of("patch", patch));
    }
    return Map.of(
        "openapi",
        "3.0.0",
        "info",
        Map.of("title", "Kubernetes", "version", "v1.33.0"),
        "paths",
        paths);
  }

  private static String json(Object document) {
    return Serialization.asJson(document);
  }
}
