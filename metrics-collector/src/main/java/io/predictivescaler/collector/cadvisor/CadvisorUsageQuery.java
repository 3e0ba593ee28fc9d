package io.predictivescaler.collector.cadvisor;

import io.predictivescaler.collector.source.PromQlQuery;
import io.predictivescaler.collector.source.ResourceName;
import io.predictivescaler.collector.source.ResourceQuery;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
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
 * The target's current pods (those its label selector matches now) are added by their exact names,
 * so that pods named otherwise (a custom resource's operator, a truncated name) are backfilled too
 * for as long as they have lived. The pod-level cgroup ({@code container=""}) and the pause
 * container ({@code container="POD"}) are left out, as they would count the containers twice.
 */
public final class CadvisorUsageQuery {

  /** The shortest range {@code rate()} looks back over: four scrapes at a 30 s interval. */
  static final Duration MIN_RATE_WINDOW = Duration.ofMinutes(2);

  /** The characters Kubernetes' {@code rand.SafeEncodeString} writes hashes and suffixes in. */
  private static final String SAFE = "[bcdfghjklmnpqrstvwxz2456789]";

  /** The most current pods listed by name in one query. */
  static final int MAX_EXACT_PODS = 100;

  /** The characters a regular expression gives a meaning to. */
  private static final String REGEX_SPECIAL = "\\.+*?()|[]{}^$";

  private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

  private CadvisorUsageQuery() {}

  /**
   * The query of {@code target}'s total usage; CPU as a rate over {@code max(4 * step, 2m)}.
   *
   * @throws IllegalArgumentException when the namespace or name is not a Kubernetes object name
   */
  public static PromQlQuery of(ResourceQuery target, Duration step) {
    return of(target, step, List.of());
  }

  /**
   * The query of {@code target}'s total usage, its pods being those its controller names and {@code
   * currentPods}; CPU as a rate over {@code max(4 * step, 2m)}. Current pods the naming pattern
   * already matches are not repeated; of the others, the first {@link #MAX_EXACT_PODS} in name
   * order are listed, to keep the query (a URL parameter) short.
   *
   * @param currentPods the names of the pods the target's label selector matches now
   * @throws IllegalArgumentException when the namespace or name is not a Kubernetes object name
   */
  public static PromQlQuery of(
      ResourceQuery target, Duration step, Collection<String> currentPods) {
    String regex = podRegex(target.apiVersion(), target.kind(), checked("name", target.name()));
    Pattern pattern = Pattern.compile(regex);
    StringBuilder pods = new StringBuilder(regex);
    new TreeSet<>(currentPods)
        .stream()
            .filter(pod -> !pattern.matcher(pod).matches())
            .limit(MAX_EXACT_PODS)
            .forEach(pod -> pods.append('|').append(literal(pod)));
    String selector =
        "{namespace=\""
            + checked("namespace", target.namespace())
            + "\",pod=~\""
            + promqlString(pods.toString())
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
    return promqlString(podRegex(apiVersion, kind, name));
  }

  /** The names of the pods a controller of {@code kind} named {@code name} creates, as a regex. */
  private static String podRegex(String apiVersion, String kind, String name) {
    String prefix = literal(name) + "-";
    boolean apps = apiVersion.equals("apps/v1");
    if (apps && kind.equals("StatefulSet")) {
      return prefix + "(0|[1-9][0-9]*)";
    }
    if (apps && kind.equals("ReplicaSet")) {
      return prefix + SAFE + "{5}";
    }
    return prefix + SAFE + "{1,10}-" + SAFE + "{5}";
  }

  /** A regular expression (RE2, as Prometheus reads it) that matches {@code text} alone. */
  static String literal(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (REGEX_SPECIAL.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** {@code text} written inside a double-quoted PromQL string. */
  private static String promqlString(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
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
