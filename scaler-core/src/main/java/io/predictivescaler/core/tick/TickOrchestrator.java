package io.predictivescaler.core.tick;

import io.predictivescaler.core.actuate.ActuationOutcome;
import io.predictivescaler.core.actuate.ActuationResult;
import io.predictivescaler.core.actuate.Actuator;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.decision.ReasonCode;
import io.predictivescaler.forecast.ForecasterStatus;
import io.predictivescaler.forecast.SharedFits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control loop of every workload. Per due workload: observe, forecast (refits handed to the
 * {@link RefitScheduler}), decide, shadow-decide as a plain HPA, actuate when the replica count
 * changes and this instance may actuate, and hand the outcome to the {@link TickListener}.
 *
 * <p>Two ways to drive it, from one thread at a time: {@link #tick(Instant)} runs every due
 * workload in turn on the calling thread (replays, with a virtual clock: sequential and
 * deterministic); {@link #claimDue(Instant)} hands each due workload out as a {@link WorkloadTick}
 * for the caller to run elsewhere (the service's dispatcher, on a worker pool). A workload whose
 * claimed tick has not finished is not claimed again, and a new policy for it waits until it has.
 * {@link #applyPolicies} may be called from any thread; the new set takes effect on the next tick.
 */
public final class TickOrchestrator {

  private static final Logger LOG = LoggerFactory.getLogger(TickOrchestrator.class);

  private final WorkloadObserver observer;
  private final Function<ScalingMode, Actuator> actuators;
  private final RefitScheduler refits;
  private final BooleanSupplier mayActuate;
  private final TickListener listener;
  private final Executor releases;
  private final Map<TargetRef, WorkloadLoop> loops = new LinkedHashMap<>();
  private final Map<TargetRef, WorkloadTick> claimed = new HashMap<>();
  private final Map<TargetRef, Optional<WorkloadPolicy>> deferred = new LinkedHashMap<>();
  private final Map<TargetRef, WorkloadLoop> view = new ConcurrentHashMap<>();
  private final Map<TargetRef, TickOutcome> last = new ConcurrentHashMap<>();
  private final AtomicReference<List<WorkloadPolicy>> pending = new AtomicReference<>();
  private final Map<TargetRef, List<Duration>> measuredLeadTimes = new ConcurrentHashMap<>();
  private volatile SharedFits sharedFits = SharedFits.NONE;

  /** Releases run inline, on the ticking thread: sequential, for replays. */
  public TickOrchestrator(
      WorkloadObserver observer,
      Function<ScalingMode, Actuator> actuators,
      RefitScheduler refits,
      BooleanSupplier mayActuate,
      TickListener listener) {
    this(observer, actuators, refits, mayActuate, listener, Runnable::run);
  }

  /**
   * @param releases where a workload that left its policy (or changed mode) is released: the
   *     release makes API calls (restoring an HPA floor), which the thread handing out ticks must
   *     not wait on
   */
  public TickOrchestrator(
      WorkloadObserver observer,
      Function<ScalingMode, Actuator> actuators,
      RefitScheduler refits,
      BooleanSupplier mayActuate,
      TickListener listener,
      Executor releases) {
    this.observer = observer;
    this.actuators = actuators;
    this.refits = refits;
    this.mayActuate = mayActuate;
    this.listener = listener;
    this.releases = Objects.requireNonNull(releases, "releases");
  }

  /**
   * Workloads that join from now on share model choices and fits through {@code fits}: for replays
   * whose runs forecast the same load (a sweep), never for the service's distinct workloads.
   */
  public TickOrchestrator sharingFits(SharedFits fits) {
    this.sharedFits = Objects.requireNonNull(fits, "fits");
    return this;
  }

  /** Replaces the set of workloads and their policies from the next tick on. */
  public void applyPolicies(Collection<WorkloadPolicy> policies) {
    pending.set(List.copyOf(policies));
  }

  /**
   * Lead times of a workload measured outside the ticks (its current pods' start-up times, read
   * when the scaler starts); its estimate takes them before its next tick. May be called from any
   * thread.
   */
  public void recordLeadTimes(TargetRef target, List<Duration> measured) {
    measuredLeadTimes.put(target, List.copyOf(measured));
  }

  /**
   * Runs every workload whose step is due at {@code now}, one after the other on this thread, and
   * returns their outcomes.
   */
  public List<TickOutcome> tick(Instant now) {
    List<TickOutcome> outcomes = new ArrayList<>();
    for (WorkloadTick due : claimDue(now)) {
      TickOutcome outcome = due.run(TickBudget.unlimited());
      due.complete(outcome);
      outcomes.add(outcome);
    }
    return outcomes;
  }

  /**
   * Applies new policies to the workloads not busy, and claims every workload whose step is due at
   * {@code now} and whose previous tick has finished. The caller runs each returned tick and
   * completes it (or abandons one it never started); until then its workload belongs to it.
   */
  public List<WorkloadTick> claimDue(Instant now) {
    claimed.values().removeIf(WorkloadTick::finished);
    List<WorkloadPolicy> next = pending.getAndSet(null);
    if (next != null) {
      reconcile(next);
    }
    applyDeferred();
    applyMeasuredLeadTimes();
    List<WorkloadTick> due = new ArrayList<>();
    for (WorkloadLoop loop : loops.values()) {
      if (!busy(loop.policy().target()) && loop.due(now)) {
        WorkloadTick tick = new WorkloadTick(this, loop, now, loop.claim(now), loop.leadTime());
        claimed.put(loop.policy().target(), tick);
        due.add(tick);
      }
    }
    return due;
  }

  /** The workloads under control, as of the last tick. */
  public Collection<TargetRef> workloads() {
    return Collections.unmodifiableSet(view.keySet());
  }

  /**
   * The last outcome reported for a workload; empty before its first tick or when it is not
   * managed. Its observation's load history is empty (the window is not kept per workload between
   * ticks: it is a 24 h copy); everything else is as the tick returned it.
   */
  public Optional<TickOutcome> last(TargetRef target) {
    return view.containsKey(target) ? Optional.ofNullable(last.get(target)) : Optional.empty();
  }

  /** The forecaster's status of a workload (model, scores, trust, accuracy). */
  public Optional<ForecasterStatus> forecasterStatus(TargetRef target) {
    WorkloadLoop loop = view.get(target);
    return loop == null ? Optional.empty() : Optional.of(loop.forecaster().status());
  }

  /**
   * Each metric's forecaster status of a workload, by metric name in the policy's order of metrics
   * (the first is {@link #forecasterStatus}); empty when the workload is not managed.
   */
  public Map<String, ForecasterStatus> forecasterStatuses(TargetRef target) {
    WorkloadLoop loop = view.get(target);
    if (loop == null) {
      return Map.of();
    }
    Map<String, ForecasterStatus> out = new LinkedHashMap<>();
    loop.forecasters().forEach((metric, forecaster) -> out.put(metric, forecaster.status()));
    return Collections.unmodifiableMap(out);
  }

  /** Observe, then the workload's own tick; a failure skips the tick and keeps the state. */
  TickOutcome tickOne(WorkloadLoop loop, Instant now, TickBudget budget) {
    try {
      budget.entering(TickPhase.OBSERVE);
      Optional<WorkloadObservation> observation = observer.observe(loop.policy(), now);
      if (observation.isEmpty()) {
        return loop.skip(
            now, ReasonCode.TARGET_NOT_FOUND, loop.policy().target() + " does not exist");
      }
      return loop.tick(now, observation.get(), refits, mayActuate, actuators, budget);
    } catch (RuntimeException e) {
      LOG.warn(
          "tick of {} failed, keeping its last state: {}", loop.policy().target(), e.toString());
      return loop.skip(now, ReasonCode.TICK_FAILED, e.toString());
    }
  }

  /** Publishes an outcome: the last one of its workload, and to the listener. */
  void publish(TickOutcome outcome) {
    last.put(
        outcome.policy().target(),
        outcome instanceof TickOutcome.Decided decided ? decided.withoutHistory() : outcome);
    listener.onTick(outcome);
  }

  private boolean busy(TargetRef target) {
    WorkloadTick tick = claimed.get(target);
    return tick != null && !tick.finished();
  }

  /**
   * Matches the workloads to a new policy set: new ones join, changed ones get their policy,
   * removed ones are released and forgotten. A workload whose tick is still running keeps its
   * policy until that tick finishes ({@link #applyDeferred}).
   */
  private void reconcile(List<WorkloadPolicy> policies) {
    Map<TargetRef, WorkloadPolicy> wanted = new LinkedHashMap<>();
    for (WorkloadPolicy policy : policies) {
      wanted.put(policy.target(), policy);
    }
    for (var it = loops.entrySet().iterator(); it.hasNext(); ) {
      var entry = it.next();
      Optional<WorkloadPolicy> policy = Optional.ofNullable(wanted.get(entry.getKey()));
      if (busy(entry.getKey())) {
        deferred.put(entry.getKey(), policy);
      } else {
        deferred.remove(entry.getKey());
        if (apply(entry.getValue(), policy)) {
          it.remove();
        }
      }
    }
    for (WorkloadPolicy policy : wanted.values()) {
      if (!loops.containsKey(policy.target())) {
        WorkloadLoop loop = new WorkloadLoop(policy, sharedFits);
        loops.put(policy.target(), loop);
        view.put(policy.target(), loop);
        LOG.info("workload {} joined in mode {}", policy.target(), policy.mode().yamlName());
      }
    }
  }

  /** Hands measured lead times to their workloads once those have joined and are not busy. */
  private void applyMeasuredLeadTimes() {
    for (var it = measuredLeadTimes.entrySet().iterator(); it.hasNext(); ) {
      var entry = it.next();
      WorkloadLoop loop = loops.get(entry.getKey());
      if (loop != null && !busy(entry.getKey())) {
        loop.recordLeadTimes(entry.getValue());
        it.remove();
      }
    }
  }

  /** Gives the policies held back while their workloads were busy to those now free. */
  private void applyDeferred() {
    for (var it = deferred.entrySet().iterator(); it.hasNext(); ) {
      var entry = it.next();
      if (!busy(entry.getKey())) {
        it.remove();
        if (apply(loops.get(entry.getKey()), entry.getValue())) {
          loops.remove(entry.getKey());
        }
      }
    }
  }

  /** Gives a workload its new policy, or releases it when it has none; true when it left. */
  private boolean apply(WorkloadLoop loop, Optional<WorkloadPolicy> policy) {
    if (policy.isEmpty() || policy.get().mode() != loop.policy().mode()) {
      release(loop);
    }
    if (policy.isPresent()) {
      loop.update(policy.get());
      return false;
    }
    TargetRef target = loop.policy().target();
    claimed.remove(target);
    view.remove(target);
    last.remove(target);
    measuredLeadTimes.remove(target);
    listener.onRemoved(target);
    LOG.info("workload {} left the policy; its state is released", target);
    return true;
  }

  /** Hands the release to {@link #releases}; leadership is checked when it runs. */
  private void release(WorkloadLoop loop) {
    TargetRef target = loop.policy().target();
    Actuator actuator = actuators.apply(loop.policy().mode());
    releases.execute(
        () -> {
          if (!mayActuate.getAsBoolean()) {
            return;
          }
          ActuationResult result = actuator.release(target);
          if (result.outcome() == ActuationOutcome.FAILED) {
            LOG.warn("releasing {}: {}", target, result.message());
          }
        });
  }
}
