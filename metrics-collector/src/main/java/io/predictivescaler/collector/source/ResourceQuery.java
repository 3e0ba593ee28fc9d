package io.predictivescaler.collector.source;

import java.util.Objects;

/** A resource of a Deployment's pods, read from metrics-server. */
public record ResourceQuery(String namespace, String deployment, ResourceName resource)
    implements MetricQuery {

  public ResourceQuery {
    Objects.requireNonNull(resource, "resource");
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException("namespace must not be blank");
    }
    if (deployment == null || deployment.isBlank()) {
      throw new IllegalArgumentException("deployment must not be blank");
    }
  }

  @Override
  public String describe() {
    return resource.key() + " of deployment " + namespace + "/" + deployment;
  }
}
