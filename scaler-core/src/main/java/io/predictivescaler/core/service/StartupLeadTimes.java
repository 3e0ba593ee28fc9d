package io.predictivescaler.core.service;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.kube.PodStartupTimes;
import io.predictivescaler.core.tick.LeadTimeEstimator;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-measures lead times when the scaler starts: each workload with {@code leadTime: auto} that
 * joins gets the start-up times of its current pods ({@link PodStartupTimes}), read on a thread of
 * its own, instead of planning with its fallback until it has seen three scale-ups again.
 */
final class StartupLeadTimes implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StartupLeadTimes.class);

  private final PodStartupTimes pods;
  private final BiConsumer<TargetRef, List<Duration>> measured;
  private final Set<TargetRef> read = ConcurrentHashMap.newKeySet();
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "startup-lead-times");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param measured receives each workload's start-up times (oldest first)
   */
  StartupLeadTimes(PodStartupTimes pods, BiConsumer<TargetRef, List<Duration>> measured) {
    this.pods = Objects.requireNonNull(pods, "pods");
    this.measured = Objects.requireNonNull(measured, "measured");
  }

  /** Reads the pods of the workloads with a measured lead time that joined since the last call. */
  void apply(Collection<WorkloadPolicy> policies) {
    Set<TargetRef> auto =
        policies.stream()
            .filter(p -> p.leadTime().auto())
            .map(WorkloadPolicy::target)
            .collect(Collectors.toSet());
    read.retainAll(auto); // one that leaves starts afresh when it comes back, and is read again
    for (TargetRef target : auto) {
      if (read.add(target) && !executor.isShutdown()) {
        executor.execute(() -> measure(target));
      }
    }
  }

  private void measure(TargetRef target) {
    try {
      List<Duration> startups = pods.read(target, LeadTimeEstimator.KEPT_SAMPLES);
      if (!startups.isEmpty()) {
        measured.accept(target, startups);
        LOG.info(
            "{}: lead time measured from the start-up of its {} current pods (longest {})",
            target,
            startups.size(),
            startups.stream().max(Duration::compareTo).orElseThrow());
      }
    } catch (KubernetesClientException e) {
      LOG.warn(
          "{}: reading its pods to measure their start-up failed, so its lead time starts from the"
              + " fallback until three scale-ups are measured: HTTP {} {}",
          target,
          e.getCode(),
          e.getMessage());
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
