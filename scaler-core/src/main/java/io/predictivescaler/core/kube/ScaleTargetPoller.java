package io.predictivescaler.core.kube;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.predictivescaler.core.actuate.ScalerAnnotations;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadKind;
import io.predictivescaler.core.tick.ReplicaCounts;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replica counts of the scale targets that are not Deployments (those come from {@link
 * DeploymentCache}'s informer), so that the tick reads them from memory: every period, on a thread
 * of its own, each target's {@code /scale} subresource gives the desired count and the label
 * selector of its pods, and the pods whose Ready condition is True are the ready count (which the
 * lead-time measurement follows); the object itself says whether it carries the pause annotation.
 * After an API error the last counts stay, as an informer's would, and {@link #problem()} says so
 * for the readiness check.
 */
public final class ScaleTargetPoller implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ScaleTargetPoller.class);

  /** How often the targets are read when no other period is given. */
  public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(5);

  private final ScaleTargetApi api;
  private final Duration period;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "scale-target-poller");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<TargetRef, ReplicaCounts> counts = new ConcurrentHashMap<>();
  private final Set<TargetRef> paused = ConcurrentHashMap.newKeySet();
  private final Map<TargetRef, KubernetesClientException> failing = new ConcurrentHashMap<>();
  private final Set<TargetRef> withoutSelector = ConcurrentHashMap.newKeySet();
  private volatile Set<TargetRef> targets = Set.of();
  private volatile boolean started;

  public ScaleTargetPoller(ScaleTargetApi api, Duration period) {
    this.api = Objects.requireNonNull(api, "api");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive, got " + period);
    }
    this.period = period;
  }

  /** Starts reading every period. */
  public void start() {
    started = true;
    executor.scheduleWithFixedDelay(this::refresh, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Replaces the targets to read (Deployments among them are skipped) and, once started, reads them
   * soon, without waiting for the period; counts of targets no longer given are dropped.
   */
  public void track(Collection<TargetRef> all) {
    targets =
        all.stream()
            .filter(t -> !t.kind().equals(WorkloadKind.DEPLOYMENT))
            .collect(Collectors.toUnmodifiableSet());
    counts.keySet().retainAll(targets);
    paused.retainAll(targets);
    failing.keySet().retainAll(targets);
    if (started && !executor.isShutdown()) {
      executor.execute(this::refresh);
    }
  }

  /** The target's last counts; empty when it does not exist or was not read yet. */
  public Optional<ReplicaCounts> replicas(TargetRef target) {
    return Optional.ofNullable(counts.get(target));
  }

  /**
   * Whether the target carried the pause annotation when last read; false when it does not exist or
   * was not read yet. The actuators read the object afresh before each write: this answer is for
   * display (the paused gauge).
   */
  public boolean isPaused(TargetRef target) {
    return paused.contains(target);
  }

  /**
   * Why the targets cannot be read, for the readiness check: the API server did not answer or
   * denied access at the last read. A kind the API server does not serve (a missing CRD) is the
   * policy's problem, shown on the workload, not the scaler's.
   */
  public Optional<String> problem() {
    List<String> unreadable =
        failing.entrySet().stream()
            .filter(
                e ->
                    e.getValue().getCode() != HttpURLConnection.HTTP_NOT_FOUND
                        && targets.contains(e.getKey()))
            .map(e -> e.getKey() + ": HTTP " + e.getValue().getCode())
            .sorted()
            .toList();
    if (unreadable.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "api: cannot read "
            + unreadable.size()
            + " scale target(s) (API server unreachable or access denied): "
            + String.join(", ", unreadable));
  }

  /** Reads every target once, now, on the caller's thread. */
  void refresh() {
    for (TargetRef target : targets) {
      try {
        Optional<ReplicaCounts> read = read(target);
        if (read.isPresent() && targets.contains(target)) {
          counts.put(target, read.get());
        } else {
          counts.remove(target);
        }
        if (failing.remove(target) != null) {
          LOG.info("reading {} works again", target);
        }
      } catch (KubernetesClientException e) {
        if (failing.put(target, e) == null) {
          LOG.warn(
              "reading the replicas of {} failed, keeping its last counts and retrying every {}:"
                  + " HTTP {} {}",
              target,
              period,
              e.getCode(),
              e.getMessage());
        }
      } catch (RuntimeException e) {
        LOG.error("reading the replicas of {} failed", target, e);
      }
    }
  }

  private Optional<ReplicaCounts> read(TargetRef target) {
    Optional<ScaleView> scale = api.scale(target);
    if (scale.isEmpty()) {
      paused.remove(target);
      return Optional.empty();
    }
    if (api.object(target).map(ScalerAnnotations::isPaused).orElse(false)) {
      paused.add(target);
    } else {
      paused.remove(target);
    }
    ScaleView view = scale.get();
    if (view.selector().isEmpty()) {
      if (withoutSelector.add(target)) {
        LOG.warn(
            "{}: its /scale subresource has no status.selector (a CRD's scale subresource needs a"
                + " labelSelectorPath), so its Ready pods cannot be found; counting its"
                + " status.replicas ({}) as ready",
            target,
            view.current());
      }
      return Optional.of(new ReplicaCounts(view.desired(), view.current()));
    }
    withoutSelector.remove(target);
    List<Pod> pods = api.pods(target.namespace(), view.selector().get());
    int ready = (int) pods.stream().filter(ScaleTargetPoller::isReady).count();
    return Optional.of(new ReplicaCounts(view.desired(), ready));
  }

  /** Ready condition True and not being deleted. */
  static boolean isReady(Pod pod) {
    if (pod.getMetadata() != null && pod.getMetadata().getDeletionTimestamp() != null) {
      return false;
    }
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return false;
    }
    return pod.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
