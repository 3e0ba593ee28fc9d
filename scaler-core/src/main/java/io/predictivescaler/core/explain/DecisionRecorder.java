package io.predictivescaler.core.explain;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micrometer.core.instrument.MeterRegistry;
import io.predictivescaler.core.actuate.ActuationOutcome;
import io.predictivescaler.core.actuate.ActuationResult;
import io.predictivescaler.core.actuate.ApiRetry;
import io.predictivescaler.core.config.TargetRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Explains decisions where SREs look: meters on every tick; for a decision that changed the
 * workload, was refused, paused, failed or dry-run, a Kubernetes Event on the target and a log
 * line. It writes nothing to the target itself (the scaler needs no write on whole workloads): the
 * decision record lives in Events, metrics and the ops API. Repeats of the same non-change (refused
 * every tick, say) are emitted once per {@code repeatInterval}.
 *
 * <p>Calls the API synchronously: run on a worker pool. Never throws for API failures; they are
 * logged and counted in {@code predictive_scaler_recording_failures_total}.
 */
public final class DecisionRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(DecisionRecorder.class);

  private final MeterRegistry registry;
  private final EventEmitter events;
  private final Duration repeatInterval;
  private final Predicate<TargetRef> paused;
  private final Map<TargetRef, WorkloadMeters> meters = new ConcurrentHashMap<>();
  private final Map<TargetRef, Emitted> lastEmitted = new ConcurrentHashMap<>();

  private record Emitted(String key, Instant at) {}

  /**
   * @param client the API client
   * @param registry where the per-workload meters go
   * @param reportingInstance this replica's identity (the pod name), shown on Events
   * @param repeatInterval how often an unchanged refusal, pause or failure is re-announced
   * @param paused whether a workload carries the pause annotation now, read at each scrape
   */
  public DecisionRecorder(
      KubernetesClient client,
      MeterRegistry registry,
      String reportingInstance,
      Duration repeatInterval,
      Predicate<TargetRef> paused) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.events = new EventEmitter(Objects.requireNonNull(client, "client"), reportingInstance);
    this.repeatInterval = Objects.requireNonNull(repeatInterval, "repeatInterval");
    this.paused = Objects.requireNonNull(paused, "paused");
  }

  /** Records one tick's decision and what the actuator made of it. */
  public void record(DecisionRecord decision, ActuationResult actuation) {
    WorkloadMeters workloadMeters =
        meters.computeIfAbsent(decision.workload(), w -> new WorkloadMeters(registry, w, paused));
    workloadMeters.update(decision);
    if (actuation.outcome() == ActuationOutcome.FAILED) {
      workloadMeters.actuationFailed();
    }
    Announcement announcement = Announcement.of(decision, actuation);
    if (announcement == null || !due(decision, announcement)) {
      return;
    }
    LOG.atInfo()
        .addKeyValue("workload", decision.workload().namespace() + "/" + decision.workload().name())
        .addKeyValue("from", decision.fromReplicas())
        .addKeyValue("to", decision.toReplicas())
        .addKeyValue("reason", announcement.reason())
        .addKeyValue("outcome", actuation.outcome().label())
        .addKeyValue("mode", decision.mode().yamlName())
        .log(announcement.message());
    try {
      events.emit(decision.workload(), announcement, decision.time());
    } catch (KubernetesClientException e) {
      workloadMeters.recordingFailed();
      LOG.warn(
          "recording the decision for {} on the API: {}; it stays in logs and metrics only",
          decision.workload(),
          ApiRetry.describe(e));
    }
  }

  /** Drops the meters and memory of a workload that left the policy. */
  public void forget(TargetRef workload) {
    WorkloadMeters removed = meters.remove(workload);
    if (removed != null) {
      removed.remove();
    }
    lastEmitted.remove(workload);
  }

  private boolean due(DecisionRecord decision, Announcement announcement) {
    if (announcement.alwaysEmit()) {
      lastEmitted.put(decision.workload(), new Emitted(announcement.key(), decision.time()));
      return true;
    }
    Emitted previous = lastEmitted.get(decision.workload());
    if (previous != null
        && previous.key().equals(announcement.key())
        && Duration.between(previous.at(), decision.time()).compareTo(repeatInterval) < 0) {
      return false;
    }
    lastEmitted.put(decision.workload(), new Emitted(announcement.key(), decision.time()));
    return true;
  }
}
