package io.predictivescaler.collector.source;

import java.util.Objects;

/**
 * A resource of a scale target's pods, read from metrics-server; the pods are those its {@code
 * /scale} subresource's label selector matches.
 *
 * @param namespace the target's namespace
 * @param apiVersion the target's API group and version, e.g. {@code apps/v1}
 * @param kind the target's kind, e.g. {@code Deployment}
 * @param name the target's name
 * @param resource cpu or memory
 */
public record ResourceQuery(
    String namespace, String apiVersion, String kind, String name, ResourceName resource)
    implements MetricQuery {

  public ResourceQuery {
    Objects.requireNonNull(resource, "resource");
    requireText(namespace, "namespace");
    requireText(apiVersion, "apiVersion");
    requireText(kind, "kind");
    requireText(name, "name");
  }

  @Override
  public String describe() {
    return resource.key() + " of " + kind + " " + namespace + "/" + name;
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
  }
}
