package io.predictivescaler.core.service;

import io.predictivescaler.collector.window.RollingWindow;
import io.predictivescaler.core.actuate.ActuationResult;
import io.predictivescaler.core.actuate.Actuator;
import io.predictivescaler.core.config.PolicyFields;
import io.predictivescaler.core.config.PolicySettings;
import io.predictivescaler.core.config.PrometheusMetric;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.tick.WindowObservation;
import io.predictivescaler.core.tick.WorkloadObservation;
import io.predictivescaler.core.tick.WorkloadObserver;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Workloads for tick-queue tests: each observed at a fixed load, optionally blocking in its
 * observation until released, or taking a set time on a fake monotonic clock. Records how often and
 * how many at once each workload was observed, whether a blocked observation was interrupted, and
 * every write.
 */
final class SlowWorkloads implements WorkloadObserver, Actuator {

  static final class Workload {
    final int replicas;
    final double load;

    /** Counted down when the workload is first observed. */
    final CountDownLatch entered = new CountDownLatch(1);

    /** Opened by the test to let a blocking observation return. */
    final CountDownLatch release = new CountDownLatch(1);

    final AtomicInteger observations = new AtomicInteger();
    final AtomicInteger active = new AtomicInteger();
    final AtomicInteger maxActive = new AtomicInteger();
    final AtomicBoolean interrupted = new AtomicBoolean();
    private boolean blocks;
    private boolean ignoresInterrupts;
    private long takesNanos;

    Workload(int replicas, double load) {
      this.replicas = replicas;
      this.load = load;
    }

    /** Its observation waits for {@link #release}; an interrupt ends the wait with an error. */
    Workload blocking() {
      blocks = true;
      return this;
    }

    /** Its observation waits for {@link #release}, whatever interrupts it meanwhile. */
    Workload blockingThroughInterrupts() {
      blocks = true;
      ignoresInterrupts = true;
      return this;
    }

    /** Its observation moves the fake monotonic clock on by {@code nanos}. */
    Workload taking(long nanos) {
      takesNanos = nanos;
      return this;
    }
  }

  final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  final List<String> writes = new CopyOnWriteArrayList<>();
  private final Map<String, Workload> workloads = new ConcurrentHashMap<>();

  /** A policy for workload {@code name} in namespace {@code shop}: mode scale, 100 per replica. */
  static WorkloadPolicy policy(String name) {
    WorkloadPolicy p =
        WorkloadPolicy.of(
            TargetRef.deployment("shop", name),
            new PrometheusMetric("load", 100),
            20,
            PolicySettings.BUILT_IN);
    return p.withSettings(p.settings().with(PolicyFields.MODE, ScalingMode.SCALE));
  }

  Workload add(String name, int replicas, double load) {
    Workload workload = new Workload(replicas, load);
    workloads.put(name, workload);
    return workload;
  }

  @Override
  public Optional<WorkloadObservation> observe(WorkloadPolicy policy, Instant now) {
    Workload w = workloads.get(policy.target().name());
    int running = w.active.incrementAndGet();
    w.maxActive.accumulateAndGet(running, Math::max);
    w.observations.incrementAndGet();
    w.entered.countDown();
    try {
      if (w.blocks) {
        waitForRelease(w);
      }
      nanos.addAndGet(w.takesNanos);
      RollingWindow window = RollingWindow.withDefaultRetention(policy.step());
      window.append(now, w.load, now);
      return Optional.of(
          WindowObservation.of(policy, w.replicas, w.replicas, window.snapshot(), now));
    } finally {
      w.active.decrementAndGet();
    }
  }

  private static void waitForRelease(Workload w) {
    boolean interrupted = false;
    while (true) {
      try {
        w.release.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
        w.interrupted.set(true);
        if (!w.ignoresInterrupts) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while observing", e);
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public ScalingMode mode() {
    return ScalingMode.SCALE;
  }

  @Override
  public ActuationResult apply(TargetRef target, int currentReplicas, int desiredReplicas) {
    writes.add(target.name() + ":" + currentReplicas + "->" + desiredReplicas);
    return ActuationResult.applied(currentReplicas, desiredReplicas);
  }
}
