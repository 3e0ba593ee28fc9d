package io.predictivescaler.core.admission;

import io.predictivescaler.core.config.ConfigMapRef;
import java.util.Map;
import java.util.Objects;

/**
 * What the admission webhook reads of an {@code admission.k8s.io/v1} AdmissionReview request.
 *
 * @param uid the request's uid, echoed in the response
 * @param operation what the client does to the object
 * @param kind the object's kind, {@code ConfigMap} for every request the chart's rules send
 * @param configMap the object's namespace and name ({@code (generated)} when only a {@code
 *     generateName} is given)
 * @param labels the labels of the object as it would be stored; empty on a delete
 * @param data the object's {@code data}; empty on a delete and when it has none
 */
public record AdmissionRequest(
    String uid,
    AdmissionRequest.Operation operation,
    String kind,
    ConfigMapRef configMap,
    Map<String, String> labels,
    Map<String, String> data) {

  /** The operations an AdmissionReview names. */
  public enum Operation {
    CREATE,
    UPDATE,
    DELETE,
    CONNECT;

    /** True when the request carries the object as it would be stored. */
    public boolean writesObject() {
      return this == CREATE || this == UPDATE;
    }
  }

  public AdmissionRequest {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(configMap, "configMap");
    labels = Map.copyOf(labels);
    data = Map.copyOf(data);
  }
}
