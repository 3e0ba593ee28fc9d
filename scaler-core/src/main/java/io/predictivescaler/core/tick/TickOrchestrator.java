package io.predictivescaler.core.tick;

import io.predictivescaler.core.actuate.ActuationOutcome;
import io.predictivescaler.core.actuate.ActuationResult;
import io.predictivescaler.core.actuate.Actuator;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.decision.ReasonCode;
import io.predictivescaler.forecast.ForecasterStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control loop of every workload, driven by whoever calls {@link #tick(Instant)}: the service's
 * Vert.x timer on a worker thread with the real clock, or a replay with a virtual clock. Per due
 * workload: observe, forecast (refits handed to the {@link RefitScheduler}), decide, shadow-decide
 * as a plain HPA, actuate when the replica count changes and this instance may actuate, and hand
 * the outcome to the {@link TickListener}.
 *
 * <p>{@link #applyPolicies} may be called from any thread; the new set takes effect on the next
 * tick. {@link #tick} must be called from one thread at a time.
 */
public final class TickOrchestrator {

  private static final Logger LOG = LoggerFactory.getLogger(TickOrchestrator.class);

  private final WorkloadObserver observer;
  private final Function<ScalingMode, Actuator> actuators;
  private final RefitScheduler refits;
  private final BooleanSupplier mayActuate;
  private final TickListener listener;
  private final Map<TargetRef, WorkloadLoop> loops = new LinkedHashMap<>();
  private final Map<TargetRef, WorkloadLoop> view = new ConcurrentHashMap<>();
  private final AtomicReference<List<WorkloadPolicy>> pending = new AtomicReference<>();

  public TickOrchestrator(
      WorkloadObserver observer,
      Function<ScalingMode, Actuator> actuators,
      RefitScheduler refits,
      BooleanSupplier mayActuate,
      TickListener listener) {
    this.observer = observer;
    this.actuators = actuators;
    this.refits = refits;
    this.mayActuate = mayActuate;
    this.listener = listener;
  }

  /** Replaces the set of workloads and their policies from the next tick on. */
  public void applyPolicies(Collection<WorkloadPolicy> policies) {
    pending.set(List.copyOf(policies));
  }

  /** Runs every workload whose step is due at {@code now}; returns their outcomes. */
  public List<TickOutcome> tick(Instant now) {
    List<WorkloadPolicy> next = pending.getAndSet(null);
    if (next != null) {
      reconcile(next);
    }
    List<TickOutcome> outcomes = new ArrayList<>();
    for (WorkloadLoop loop : loops.values()) {
      if (loop.due(now)) {
        TickOutcome outcome = tickOne(loop, now);
        outcomes.add(outcome);
        listener.onTick(outcome);
      }
    }
    return outcomes;
  }

  /** The workloads under control, as of the last tick. */
  public Collection<TargetRef> workloads() {
    return Collections.unmodifiableSet(view.keySet());
  }

  /**
   * The last outcome of a workload; empty before its first tick or when it is not managed. Its
   * observation's load history is empty (the window is not kept per workload between ticks: it is a
   * 24 h copy); everything else is as the tick returned it.
   */
  public Optional<TickOutcome> last(TargetRef target) {
    WorkloadLoop loop = view.get(target);
    return loop == null ? Optional.empty() : Optional.ofNullable(loop.last());
  }

  /** The forecaster's status of a workload (model, scores, trust, accuracy). */
  public Optional<ForecasterStatus> forecasterStatus(TargetRef target) {
    WorkloadLoop loop = view.get(target);
    return loop == null ? Optional.empty() : Optional.of(loop.forecaster().status());
  }

  private TickOutcome tickOne(WorkloadLoop loop, Instant now) {
    try {
      Optional<WorkloadObservation> observation = observer.observe(loop.policy(), now);
      if (observation.isEmpty()) {
        return loop.skip(
            now, ReasonCode.TARGET_NOT_FOUND, loop.policy().target() + " does not exist");
      }
      return loop.tick(now, observation.get(), refits, mayActuate, actuators);
    } catch (RuntimeException e) {
      LOG.warn(
          "tick of {} failed, keeping its last state: {}", loop.policy().target(), e.toString());
      return loop.skip(now, ReasonCode.TICK_FAILED, e.toString());
    }
  }

  private void reconcile(List<WorkloadPolicy> policies) {
    Map<TargetRef, WorkloadPolicy> wanted = new LinkedHashMap<>();
    for (WorkloadPolicy policy : policies) {
      wanted.put(policy.target(), policy);
    }
    for (var it = loops.entrySet().iterator(); it.hasNext(); ) {
      var entry = it.next();
      WorkloadPolicy policy = wanted.get(entry.getKey());
      WorkloadLoop loop = entry.getValue();
      if (policy == null || policy.mode() != loop.policy().mode()) {
        release(loop);
      }
      if (policy == null) {
        it.remove();
        view.remove(entry.getKey());
        listener.onRemoved(entry.getKey());
        LOG.info("workload {} left the policy; its state is released", entry.getKey());
      } else {
        loop.update(policy);
      }
    }
    for (WorkloadPolicy policy : wanted.values()) {
      if (!loops.containsKey(policy.target())) {
        WorkloadLoop loop = new WorkloadLoop(policy);
        loops.put(policy.target(), loop);
        view.put(policy.target(), loop);
        LOG.info("workload {} joined in mode {}", policy.target(), policy.mode().yamlName());
      }
    }
  }

  private void release(WorkloadLoop loop) {
    if (!mayActuate.getAsBoolean()) {
      return;
    }
    ActuationResult result = actuators.apply(loop.policy().mode()).release(loop.policy().target());
    if (result.outcome() == ActuationOutcome.FAILED) {
      LOG.warn("releasing {}: {}", loop.policy().target(), result.message());
    }
  }
}
