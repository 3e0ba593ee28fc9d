package io.predictivescaler.core.actuate;

/** An autoscaler other than ours that targets a workload, e.g. {@code HorizontalPodAutoscaler}. */
public record ExternalAutoscaler(String kind, String namespace, String name) {

  @Override
  public String toString() {
    return kind + " " + namespace + "/" + name;
  }
}
