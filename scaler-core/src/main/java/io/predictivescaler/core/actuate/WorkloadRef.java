package io.predictivescaler.core.actuate;

import java.util.Objects;

/** A Deployment the scaler manages, by namespace and name. */
public record WorkloadRef(String namespace, String name) {

  public WorkloadRef {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (namespace.isBlank() || name.isBlank()) {
      throw new IllegalArgumentException(
          "workload namespace and name must not be blank, got '" + namespace + "/" + name + "'");
    }
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
