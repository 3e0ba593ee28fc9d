package io.predictivescaler.core.admission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.predictivescaler.core.config.ConfigMapRef;
import io.predictivescaler.core.config.TargetRef;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the {@code admission.k8s.io/v1} AdmissionReview requests the API server sends and writes
 * the responses it expects. Only what the webhook needs is read; everything it reads is checked,
 * and a body that is not such a request is a {@link MalformedReview} naming the field.
 */
final class AdmissionReviewCodec {

  static final String API_VERSION = "admission.k8s.io/v1";
  static final String KIND = "AdmissionReview";
  static final String GENERATED_NAME = "(generated)";

  /** The HTTP status of a denial, as the API server shows it: the object is invalid. */
  static final int DENIED_CODE = 422;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A body the webhook cannot read: what is wrong, naming the field. */
  static final class MalformedReview extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedReview(String message) {
      super(message, null, false, false);
    }
  }

  private AdmissionReviewCodec() {}

  static AdmissionRequest read(byte[] body) throws MalformedReview {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new MalformedReview("the body is not JSON: " + firstLine(e));
    }
    if (root == null || !root.isObject()) {
      throw new MalformedReview("the body must be a JSON AdmissionReview object");
    }
    String apiVersion = root.path("apiVersion").asText("");
    String kind = root.path("kind").asText("");
    if (!API_VERSION.equals(apiVersion) || !KIND.equals(kind)) {
      throw new MalformedReview(
          "expected apiVersion "
              + API_VERSION
              + " and kind "
              + KIND
              + ", got apiVersion '"
              + apiVersion
              + "' and kind '"
              + kind
              + "'");
    }
    JsonNode request = root.path("request");
    if (!request.isObject()) {
      throw new MalformedReview("request: missing, an AdmissionReview request must have one");
    }
    String uid = text(request, "request.uid");
    AdmissionRequest.Operation operation = operation(text(request, "request.operation"));
    String objectKind = request.path("kind").path("kind").asText("");
    JsonNode object = request.path("object");
    if (operation.writesObject() && !object.isObject()) {
      throw new MalformedReview("request.object: missing, a " + operation + " must carry one");
    }
    JsonNode metadata = object.path("metadata");
    return new AdmissionRequest(
        uid,
        operation,
        objectKind,
        new ConfigMapRef(namespace(request, metadata), name(request, metadata)),
        operation.writesObject()
            ? strings(metadata.path("labels"), "request.object.metadata.labels")
            : Map.of(),
        operation.writesObject() ? strings(object.path("data"), "request.object.data") : Map.of());
  }

  /** The response to the request {@code uid}. */
  static String write(String uid, AdmissionVerdict verdict) {
    ObjectNode root = JSON.createObjectNode();
    root.put("apiVersion", API_VERSION);
    root.put("kind", KIND);
    ObjectNode response = root.putObject("response");
    response.put("uid", uid);
    response.put("allowed", verdict.allowed());
    if (!verdict.allowed()) {
      ObjectNode status = response.putObject("status");
      status.put("code", DENIED_CODE);
      status.put("reason", "Invalid");
      status.put("message", verdict.message());
    }
    if (!verdict.warnings().isEmpty()) {
      ArrayNode warnings = response.putArray("warnings");
      verdict.warnings().forEach(warnings::add);
    }
    return toJson(root);
  }

  /** {@code {"error": message}}, the body of a 400. */
  static String error(String message) {
    return toJson(JSON.createObjectNode().put("error", message));
  }

  private static String toJson(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing a JSON tree", e);
    }
  }

  private static String text(JsonNode parent, String path) throws MalformedReview {
    JsonNode node = parent.path(path.substring(path.lastIndexOf('.') + 1));
    if (!node.isTextual() || node.asText().isBlank()) {
      throw new MalformedReview(path + ": must be a non-empty string, got " + describe(node));
    }
    return node.asText();
  }

  private static AdmissionRequest.Operation operation(String text) throws MalformedReview {
    try {
      return AdmissionRequest.Operation.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedReview(
          "request.operation: must be one of "
              + Arrays.toString(AdmissionRequest.Operation.values())
              + ", got '"
              + text
              + "'");
    }
  }

  /** The request's namespace, else the object's: a ConfigMap always has one. */
  private static String namespace(JsonNode request, JsonNode metadata) throws MalformedReview {
    String namespace = request.path("namespace").asText("");
    if (namespace.isEmpty()) {
      namespace = metadata.path("namespace").asText("");
    }
    if (!TargetRef.NAMESPACE.matcher(namespace).matches()) {
      throw new MalformedReview(
          "request.namespace: must be a namespace name, got '" + namespace + "'");
    }
    return namespace;
  }

  private static String name(JsonNode request, JsonNode metadata) {
    for (String name :
        new String[] {request.path("name").asText(""), metadata.path("name").asText("")}) {
      if (!name.isBlank()) {
        return name;
      }
    }
    return GENERATED_NAME;
  }

  private static Map<String, String> strings(JsonNode node, String path) throws MalformedReview {
    if (node.isMissingNode() || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new MalformedReview(path + ": must be a map of strings, got " + describe(node));
    }
    Map<String, String> map = new HashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!field.getValue().isTextual()) {
        throw new MalformedReview(
            path + "." + field.getKey() + ": must be a string, got " + describe(field.getValue()));
      }
      map.put(field.getKey(), field.getValue().asText());
    }
    return map;
  }

  private static String describe(JsonNode node) {
    return node.isMissingNode()
        ? "nothing"
        : node.getNodeType().toString().toLowerCase() + " " + shorten(node.toString());
  }

  private static String shorten(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  private static String firstLine(IOException e) {
    String message =
        e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
    return message == null
        ? e.getClass().getSimpleName()
        : message.lines().findFirst().orElse("").strip();
  }
}
