package io.predictivescaler.core.kube;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.predictivescaler.core.config.TargetRef;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a scale target's current pods took to start: from each pod's creation to its Ready
 * condition turning True, which is what the lead-time measurement follows at run time (replicas
 * asked for until they are Ready), scheduling and any wait for a new node included. Read when the
 * scaler starts, so that a restart does not drop the lead times back to the fallback.
 */
public final class PodStartupTimes {

  private final ScaleTargetApi api;

  public PodStartupTimes(ScaleTargetApi api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  /**
   * The start-up times of the target's pods (those its {@code /scale} selector matches), oldest
   * first, at most the newest {@code limit}; empty when the target or its selector does not exist.
   * Blocks on the API.
   */
  public List<Duration> read(TargetRef target, int limit) {
    Optional<String> selector = api.scale(target).flatMap(ScaleView::selector);
    if (selector.isEmpty()) {
      return List.of();
    }
    return of(api.pods(target.namespace(), selector.get()), limit);
  }

  /**
   * The start-up times of {@code pods}, oldest pod first, at most the newest {@code limit}. A pod
   * counts once it is Ready and was never restarted (a restart moves the Ready condition's time);
   * pods being deleted do not count.
   */
  static List<Duration> of(List<Pod> pods, int limit) {
    record Startup(Instant created, Duration took) {}
    List<Startup> startups = new ArrayList<>();
    for (Pod pod : pods) {
      if (pod.getMetadata() == null
          || pod.getMetadata().getDeletionTimestamp() != null
          || pod.getStatus() == null
          || restarted(pod)) {
        continue;
      }
      Instant created = parse(pod.getMetadata().getCreationTimestamp());
      Instant ready = readySince(pod);
      if (created != null && ready != null && !ready.isBefore(created)) {
        startups.add(new Startup(created, Duration.between(created, ready)));
      }
    }
    startups.sort(Comparator.comparing(Startup::created));
    return startups.subList(Math.max(0, startups.size() - limit), startups.size()).stream()
        .map(Startup::took)
        .toList();
  }

  private static boolean restarted(Pod pod) {
    List<ContainerStatus> statuses = pod.getStatus().getContainerStatuses();
    return statuses != null
        && statuses.stream().anyMatch(s -> s.getRestartCount() != null && s.getRestartCount() > 0);
  }

  private static Instant readySince(Pod pod) {
    List<PodCondition> conditions = pod.getStatus().getConditions();
    if (conditions == null) {
      return null;
    }
    return conditions.stream()
        .filter(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()))
        .map(c -> parse(c.getLastTransitionTime()))
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  private static Instant parse(String timestamp) {
    if (timestamp == null || timestamp.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return null; // the API server writes RFC 3339; anything else is not a time we can use
    }
  }
}
