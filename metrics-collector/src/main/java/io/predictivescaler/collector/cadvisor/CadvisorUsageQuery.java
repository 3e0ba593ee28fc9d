package io.predictivescaler.collector.cadvisor;

import io.predictivescaler.collector.source.PromQlQuery;
import io.predictivescaler.collector.source.ResourceName;
import io.predictivescaler.collector.source.ResourceQuery;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The PromQL that reads a scale target's past CPU or memory usage from cAdvisor (the kubelet's
 * {@code /metrics/cadvisor}, as Prometheus scrapes it), in the unit metrics-server reports it:
 * {@code sum(rate(container_cpu_usage_seconds_total[...]))} in cores, {@code
 * sum(container_memory_working_set_bytes)} in bytes, summed over the target's containers.
 *
 * <p>cAdvisor series carry the pod's name but not its labels, so the pods are the target's by the
 * names its controller gives them, which outlive the pods themselves (a backfill covers a day of
 * pods long gone): {@code NAME-HASH-XXXXX} for a Deployment (and for other kinds, as an Argo
 * Rollout names its pods), {@code NAME-XXXXX} for a ReplicaSet, {@code NAME-ORDINAL} for a
 * StatefulSet, where HASH and XXXXX are written in the alphabet Kubernetes generates names from.
 * The pod-level cgroup ({@code container=""}) and the pause container ({@code container="POD"}) are
 * left out, as they would count the containers twice.
 */
public final class CadvisorUsageQuery {

  /** The shortest range {@code rate()} looks back over: four scrapes at a 30 s interval. */
  static final Duration MIN_RATE_WINDOW = Duration.ofMinutes(2);

  /** The characters Kubernetes' {@code rand.SafeEncodeString} writes hashes and suffixes in. */
  private static final String SAFE = "[bcdfghjklmnpqrstvwxz2456789]";

  private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

  private CadvisorUsageQuery() {}

  /**
   * The query of {@code target}'s total usage; CPU as a rate over {@code max(4 * step, 2m)}.
   *
   * @throws IllegalArgumentException when the namespace or name is not a Kubernetes object name
   */
  public static PromQlQuery of(ResourceQuery target, Duration step) {
    String selector =
        "{namespace=\""
            + checked("namespace", target.namespace())
            + "\",pod=~\""
            + podPattern(target.apiVersion(), target.kind(), checked("name", target.name()))
            + "\",container!=\"\",container!=\"POD\"}";
    if (target.resource() == ResourceName.MEMORY) {
      return new PromQlQuery("sum(container_memory_working_set_bytes" + selector + ")");
    }
    Duration window = step.multipliedBy(4);
    if (window.compareTo(MIN_RATE_WINDOW) < 0) {
      window = MIN_RATE_WINDOW;
    }
    return new PromQlQuery(
        "sum(rate(container_cpu_usage_seconds_total"
            + selector
            + "["
            + window.toSeconds()
            + "s]))");
  }

  /**
   * The names of the pods a controller of {@code kind} named {@code name} creates, as a regular
   * expression (Prometheus anchors it at both ends), written inside a PromQL string.
   */
  static String podPattern(String apiVersion, String kind, String name) {
    String prefix = name.replace(".", "\\\\.") + "-";
    boolean apps = apiVersion.equals("apps/v1");
    if (apps && kind.equals("StatefulSet")) {
      return prefix + "(0|[1-9][0-9]*)";
    }
    if (apps && kind.equals("ReplicaSet")) {
      return prefix + SAFE + "{5}";
    }
    return prefix + SAFE + "{1,10}-" + SAFE + "{5}";
  }

  private static String checked(String field, String value) {
    if (!DNS_NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field
              + " must be a Kubernetes object name (lower-case letters, digits, '-', '.'), got "
              + value);
    }
    return value;
  }
}
