package io.predictivescaler.core.actuate;

import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the HPAs whose floor the scaler raised, by the {@value
 * ScalerAnnotations#ORIGINAL_MIN_REPLICAS} annotation it leaves on them, and restores those no
 * policy raises any more. The record lives on the HPA, so whichever replica leads (or the {@code
 * restore-hpa-floors} command on uninstall) can find them; a restore that fails is simply found
 * again on the next run.
 */
public final class HpaFloorRestorer {

  private static final Logger LOG = LoggerFactory.getLogger(HpaFloorRestorer.class);

  private final KubernetesClient client;
  private final HpaFloorActuator actuator;

  /**
   * @param client lists the HPAs (a list of a whole cluster may need a longer timeout than a write)
   * @param actuator restores each one, through its own client, retry and fence
   */
  public HpaFloorRestorer(KubernetesClient client, HpaFloorActuator actuator) {
    this.client = Objects.requireNonNull(client, "client");
    this.actuator = Objects.requireNonNull(actuator, "actuator");
  }

  /**
   * What one run did, each entry "namespace/name" (with the error for failures).
   *
   * @param restored HPAs whose original floor was written back
   * @param failed HPAs still raised, with why; found again on the next run
   */
  public record Report(List<String> restored, List<String> failed) {

    public Report {
      restored = List.copyOf(restored);
      failed = List.copyOf(failed);
    }
  }

  /**
   * Restores every raised HPA in {@code namespaces} (empty: all namespaces) unless {@code
   * stillRaised} says a policy in hpa-floor mode still manages the workload it targets.
   *
   * @throws KubernetesClientException when the HPAs cannot be listed
   */
  public Report restore(Collection<String> namespaces, Predicate<TargetRef> stillRaised) {
    List<String> restored = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (HorizontalPodAutoscaler hpa : raisedHpas(namespaces)) {
      TargetRef target = targetOf(hpa);
      if (target != null && stillRaised.test(target)) {
        continue;
      }
      String name = hpa.getMetadata().getNamespace() + "/" + hpa.getMetadata().getName();
      ActuationResult result = actuator.restore(hpa);
      if (result.outcome() == ActuationOutcome.APPLIED) {
        restored.add(name);
        LOG.info(
            "restored the floor of HorizontalPodAutoscaler {} to {} (no policy raises it any more)",
            name,
            result.toReplicas());
      } else if (result.outcome() == ActuationOutcome.FAILED
          || !result.reason().isEmpty()) { // failed, or fenced off by a lost lease
        failed.add(name + ": " + result.message());
      }
    }
    return new Report(restored, failed);
  }

  private List<HorizontalPodAutoscaler> raisedHpas(Collection<String> namespaces) {
    var hpas = client.autoscaling().v2().horizontalPodAutoscalers();
    List<HorizontalPodAutoscaler> all = new ArrayList<>();
    if (namespaces.isEmpty()) {
      all.addAll(hpas.inAnyNamespace().list().getItems());
    } else {
      for (String namespace : namespaces) {
        all.addAll(hpas.inNamespace(namespace).list().getItems());
      }
    }
    return all.stream().filter(HpaFloorActuator::raised).toList();
  }

  /** The workload the HPA scales, or null when its reference is not one a policy could name. */
  private static TargetRef targetOf(HorizontalPodAutoscaler hpa) {
    CrossVersionObjectReference ref =
        hpa.getSpec() == null ? null : hpa.getSpec().getScaleTargetRef();
    if (ref == null || ref.getKind() == null || ref.getName() == null) {
      return null;
    }
    try {
      WorkloadKind kind =
          ref.getApiVersion() == null || ref.getApiVersion().isBlank()
              ? WorkloadKind.builtIn(ref.getKind()).orElse(null)
              : new WorkloadKind(ref.getApiVersion(), ref.getKind());
      return kind == null
          ? null
          : new TargetRef(kind, hpa.getMetadata().getNamespace(), ref.getName());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
