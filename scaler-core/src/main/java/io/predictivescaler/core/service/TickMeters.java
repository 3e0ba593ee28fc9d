package io.predictivescaler.core.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.predictivescaler.core.config.TargetRef;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * The meters of the tick queue: how many workload ticks are in flight and how many wait for a
 * worker (for the replica as a whole), and per workload (tagged {@code namespace} and {@code
 * workload}, as {@code WorkloadMeters}) how often its tick overran its step or its budget. The
 * per-workload counters exist from the workload's first dispatch until it leaves the policy, so a
 * rate over them starts at zero.
 */
final class TickMeters {

  static final String IN_FLIGHT = "predictive.scaler.tick.in.flight";
  static final String QUEUE_DEPTH = "predictive.scaler.tick.queue.depth";
  static final String WORKERS = "predictive.scaler.tick.workers";
  static final String OVERRUNS = "predictive.scaler.tick.overruns";
  static final String DEADLINE_EXCEEDED = "predictive.scaler.tick.deadline.exceeded";

  private record Counters(Counter overruns, Counter deadlineExceeded) {}

  private final MeterRegistry registry;
  private final Map<TargetRef, Counters> byWorkload = new ConcurrentHashMap<>();

  /**
   * @param inFlight workload ticks dispatched and not finished (waiting or running)
   * @param queueDepth workload ticks waiting for a free worker
   * @param workers the size of the worker pool
   */
  TickMeters(MeterRegistry registry, IntSupplier inFlight, IntSupplier queueDepth, int workers) {
    this.registry = Objects.requireNonNull(registry, "registry");
    Gauge.builder(IN_FLIGHT, inFlight, IntSupplier::getAsInt)
        .description("Workload ticks dispatched and not finished: waiting for a worker or running")
        .strongReference(true)
        .register(registry);
    Gauge.builder(QUEUE_DEPTH, queueDepth, IntSupplier::getAsInt)
        .description("Workload ticks waiting for a free tick worker")
        .strongReference(true)
        .register(registry);
    Gauge.builder(WORKERS, () -> workers)
        .description("Threads that run workload ticks (--tick-workers)")
        .strongReference(true)
        .register(registry);
  }

  /** Registers the counters of new workloads and removes those of workloads that left. */
  void retain(Collection<TargetRef> workloads) {
    Set<TargetRef> managed = Set.copyOf(workloads);
    for (var it = byWorkload.entrySet().iterator(); it.hasNext(); ) {
      var entry = it.next();
      if (!managed.contains(entry.getKey())) {
        it.remove();
        registry.remove(entry.getValue().overruns());
        registry.remove(entry.getValue().deadlineExceeded());
      }
    }
    managed.forEach(this::of);
  }

  /** The workload's step came round while its previous tick still ran. */
  void overrun(TargetRef workload) {
    of(workload).overruns().increment();
  }

  /** The workload's tick ran out of its budget before it could act. */
  void deadlineExceeded(TargetRef workload) {
    of(workload).deadlineExceeded().increment();
  }

  private Counters of(TargetRef workload) {
    return byWorkload.computeIfAbsent(
        workload,
        w -> {
          Tags tags = Tags.of("namespace", w.namespace(), "workload", w.name());
          return new Counters(
              Counter.builder(OVERRUNS)
                  .description(
                      "Steps of the workload skipped because its previous tick still ran"
                          + " (TickOverrun)")
                  .tags(tags)
                  .register(registry),
              Counter.builder(DEADLINE_EXCEEDED)
                  .description(
                      "Ticks of the workload that ran out of their time budget before acting"
                          + " (TickDeadlineExceeded)")
                  .tags(tags)
                  .register(registry));
        });
  }
}
