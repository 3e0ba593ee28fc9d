package io.predictivescaler.core.config;

import java.util.Comparator;
import java.util.Objects;

/** The ConfigMap a policy document came from. */
public record ConfigMapRef(String namespace, String name) implements Comparable<ConfigMapRef> {

  private static final Comparator<ConfigMapRef> ORDER =
      Comparator.comparing(ConfigMapRef::namespace).thenComparing(ConfigMapRef::name);

  public ConfigMapRef {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (namespace.isBlank() || name.isBlank()) {
      throw new IllegalArgumentException("namespace and name must not be blank");
    }
  }

  @Override
  public int compareTo(ConfigMapRef other) {
    return ORDER.compare(this, other);
  }

  /** {@code ConfigMap shop/policies}. */
  @Override
  public String toString() {
    return "ConfigMap " + namespace + "/" + name;
  }
}
