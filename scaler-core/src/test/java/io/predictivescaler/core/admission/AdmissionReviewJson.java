package io.predictivescaler.core.admission;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.predictivescaler.core.config.ConfigMapPolicyWatcher;
import java.nio.charset.StandardCharsets;

/**
 * AdmissionReview requests as the API server sends them for a ConfigMap, built field by field so
 * that each test shows only what it varies.
 */
public final class AdmissionReviewJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode review = JSON.createObjectNode();
  private final ObjectNode request;
  private ObjectNode object;

  private AdmissionReviewJson(String operation, String uid, String namespace, String name) {
    review.put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
    request = review.putObject("request");
    request.put("uid", uid);
    request.putObject("kind").put("group", "").put("version", "v1").put("kind", "ConfigMap");
    request
        .putObject("resource")
        .put("group", "")
        .put("version", "v1")
        .put("resource", "configmaps");
    request.put("namespace", namespace).put("name", name).put("operation", operation);
    request.putObject("userInfo").put("username", "kubernetes-admin");
    request.put("dryRun", false);
  }

  /** A CREATE of ConfigMap {@code namespace/name}, without labels or data yet. */
  public static AdmissionReviewJson create(String uid, String namespace, String name) {
    AdmissionReviewJson json = new AdmissionReviewJson("CREATE", uid, namespace, name);
    json.object = json.request.putObject("object");
    json.object.put("apiVersion", "v1").put("kind", "ConfigMap");
    json.object.putObject("metadata").put("name", name).put("namespace", namespace);
    return json;
  }

  /** A CREATE of a policy ConfigMap holding {@code policiesYaml}. */
  public static AdmissionReviewJson createPolicy(
      String uid, String namespace, String name, String policiesYaml) {
    return create(uid, namespace, name)
        .label(ConfigMapPolicyWatcher.POLICY_LABEL, "true")
        .data(ConfigMapPolicyWatcher.POLICY_KEY, policiesYaml);
  }

  /** An UPDATE: the same as a CREATE with the old object, whose content the webhook ignores. */
  public AdmissionReviewJson asUpdate() {
    request.put("operation", "UPDATE");
    request.set("oldObject", object.deepCopy());
    return this;
  }

  /** A DELETE of ConfigMap {@code namespace/name}: no object, the old one as it was. */
  public static AdmissionReviewJson delete(String uid, String namespace, String name) {
    AdmissionReviewJson json = new AdmissionReviewJson("DELETE", uid, namespace, name);
    json.request.putNull("object");
    ObjectNode old = json.request.putObject("oldObject");
    old.put("apiVersion", "v1").put("kind", "ConfigMap");
    old.putObject("metadata")
        .put("name", name)
        .put("namespace", namespace)
        .putObject("labels")
        .put(ConfigMapPolicyWatcher.POLICY_LABEL, "true");
    old.putObject("data").put(ConfigMapPolicyWatcher.POLICY_KEY, "not: [valid");
    return json;
  }

  public AdmissionReviewJson label(String key, String value) {
    ObjectNode metadata = (ObjectNode) object.get("metadata");
    ObjectNode labels =
        metadata.has("labels") ? (ObjectNode) metadata.get("labels") : metadata.putObject("labels");
    labels.put(key, value);
    return this;
  }

  public AdmissionReviewJson data(String key, String value) {
    ObjectNode data =
        object.has("data") ? (ObjectNode) object.get("data") : object.putObject("data");
    data.put(key, value);
    return this;
  }

  /** Sets a top-level field of the request, e.g. to break it. */
  public AdmissionReviewJson request(String field, String value) {
    request.put(field, value);
    return this;
  }

  public AdmissionReviewJson requestKind(String kind) {
    ((ObjectNode) request.get("kind")).put("kind", kind);
    return this;
  }

  public AdmissionReviewJson without(String requestField) {
    request.remove(requestField);
    return this;
  }

  public AdmissionReviewJson apiVersion(String apiVersion) {
    review.put("apiVersion", apiVersion);
    return this;
  }

  public String text() {
    return review.toString();
  }

  public byte[] bytes() {
    return text().getBytes(StandardCharsets.UTF_8);
  }

  /** A one-workload policies.yaml scaling {@code namespace/name} on {@code query}. */
  public static String policy(String namespace, String name, String query, String... extra) {
    StringBuilder yaml =
        new StringBuilder("workloads:\n")
            .append("  - target: {kind: Deployment, namespace: ")
            .append(namespace)
            .append(", name: ")
            .append(name)
            .append("}\n    metric: {prometheus: '")
            .append(query)
            .append("'}\n    targetPerReplica: 100\n    minReplicas: 1\n    maxReplicas: 10\n");
    for (String field : extra) {
      yaml.append("    ").append(field).append('\n');
    }
    return yaml.toString();
  }
}
