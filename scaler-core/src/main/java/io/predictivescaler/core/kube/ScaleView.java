package io.predictivescaler.core.kube;

import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import java.util.Optional;

/**
 * What a target's {@code /scale} subresource says.
 *
 * @param desired {@code spec.replicas}
 * @param current {@code status.replicas}: the pods the workload has, ready or not
 * @param selector {@code status.selector}, the label selector of its pods; empty when the kind's
 *     scale subresource has no selector path
 * @param resourceVersion the object's resourceVersion, the precondition of a write
 */
public record ScaleView(
    int desired, int current, Optional<String> selector, String resourceVersion) {

  static ScaleView of(Scale scale) {
    Integer desired = scale.getSpec() == null ? null : scale.getSpec().getReplicas();
    Integer current = scale.getStatus() == null ? null : scale.getStatus().getReplicas();
    String selector = scale.getStatus() == null ? null : scale.getStatus().getSelector();
    return new ScaleView(
        desired == null ? 0 : desired, // omitted when 0
        current == null ? 0 : current,
        Optional.ofNullable(selector).filter(s -> !s.isBlank()),
        scale.getMetadata() == null ? null : scale.getMetadata().getResourceVersion());
  }
}
