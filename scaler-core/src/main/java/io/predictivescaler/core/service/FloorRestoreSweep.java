package io.predictivescaler.core.service;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.predictivescaler.core.actuate.ApiRetry;
import io.predictivescaler.core.actuate.HpaFloorRestorer;
import io.predictivescaler.core.config.PolicySet;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's half of "hpa-floor is always restored": every {@code interval}, beside the tick
 * ({@link OffTickWork}, so that a slow API call does not delay it), restores the HPAs the scaler
 * raised that no hpa-floor policy covers any more. That catches a policy removed while this replica
 * was a follower, a release that failed, and a leader that died before releasing; a restore that
 * fails is found again on the next run.
 */
final class FloorRestoreSweep implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(FloorRestoreSweep.class);

  /** How often the leader looks for raised floors no policy covers. */
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

  private final HpaFloorRestorer restorer;
  private final List<String> namespaces;
  private final Supplier<Set<TargetRef>> raisedByPolicy;
  private final BooleanSupplier active;
  private final Duration interval;
  private final LongSupplier nanoTime;
  private long lastRunNanos;
  private boolean ranOnce;

  /**
   * @param namespaces the namespaces the service watches; empty for all
   * @param raisedByPolicy the workloads policies in force keep in hpa-floor mode ({@link
   *     #hpaFloorTargets})
   * @param active true when the sweep may run: leader, and the policies are loaded (an empty set
   *     before the first load must not restore every floor)
   */
  FloorRestoreSweep(
      HpaFloorRestorer restorer,
      List<String> namespaces,
      Supplier<Set<TargetRef>> raisedByPolicy,
      BooleanSupplier active,
      Duration interval,
      LongSupplier nanoTime) {
    this.restorer = Objects.requireNonNull(restorer, "restorer");
    this.namespaces = List.copyOf(namespaces);
    this.raisedByPolicy = Objects.requireNonNull(raisedByPolicy, "raisedByPolicy");
    this.active = Objects.requireNonNull(active, "active");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /** The workloads whose HPA floor the policies keep raised. */
  static Set<TargetRef> hpaFloorTargets(PolicySet policies) {
    return policies.workloads().values().stream()
        .filter(p -> p.mode() == ScalingMode.HPA_FLOOR)
        .map(WorkloadPolicy::target)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Sweeps when active and the interval has passed since the last sweep; never throws. */
  @Override
  public void run() {
    if (!active.getAsBoolean()) {
      ranOnce = false; // sweep at once after (re)gaining the lease
      return;
    }
    long now = nanoTime.getAsLong();
    if (ranOnce && now - lastRunNanos < interval.toNanos()) {
      return;
    }
    ranOnce = true;
    lastRunNanos = now;
    Set<TargetRef> keep = raisedByPolicy.get();
    try {
      HpaFloorRestorer.Report report = restorer.restore(namespaces, keep::contains);
      if (!report.failed().isEmpty()) {
        LOG.warn(
            "could not restore {} HPA floor(s), retrying in {}: {}",
            report.failed().size(),
            interval,
            report.failed());
      }
    } catch (KubernetesClientException e) {
      LOG.warn(
          "listing HPAs to restore floors no policy raises: {}; retrying in {}",
          ApiRetry.describe(e),
          interval);
    }
  }
}
