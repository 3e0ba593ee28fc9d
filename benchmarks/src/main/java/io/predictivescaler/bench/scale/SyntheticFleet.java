package io.predictivescaler.bench.scale;

import io.predictivescaler.collector.window.RollingWindow;
import io.predictivescaler.core.actuate.ActuationResult;
import io.predictivescaler.core.actuate.Actuator;
import io.predictivescaler.core.config.LeadTime;
import io.predictivescaler.core.config.PolicyFields;
import io.predictivescaler.core.config.PolicySettings;
import io.predictivescaler.core.config.PrometheusMetric;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.tick.WindowObservation;
import io.predictivescaler.core.tick.WorkloadObservation;
import io.predictivescaler.core.tick.WorkloadObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * N synthetic Deployments for the tick-loop scale harness, observed and scaled in memory: each has
 * its own daily load (base, amplitude and phase drawn from a fixed seed, 5 % noise), a {@link
 * RollingWindow} backfilled with 24 h of history like the collector does at start, and a replica
 * count that the actuator sets (pods Ready at once: start-up delay does not change the tick's
 * cost). Policies are the service's defaults in {@code scale} mode with a fixed 90 s lead time.
 */
final class SyntheticFleet implements WorkloadObserver, Actuator {

  static final Duration BACKFILL = Duration.ofHours(24);

  private final List<WorkloadPolicy> policies = new ArrayList<>();
  private final Map<TargetRef, Integer> index = new HashMap<>();
  private final DailyLoad[] loads;
  private final RollingWindow[] windows;
  private final int[] replicas;

  SyntheticFleet(int n, Duration step, Instant start, long seed) {
    loads = new DailyLoad[n];
    windows = new RollingWindow[n];
    replicas = new int[n];
    SplittableRandom random = new SplittableRandom(seed);
    long stepSeconds = step.getSeconds();
    for (int i = 0; i < n; i++) {
      double base = 50 + random.nextDouble() * 1950;
      double amplitude = 0.2 + random.nextDouble() * 0.6;
      long phase = random.nextLong(86_400);
      loads[i] = new DailyLoad(base, amplitude, phase, 0.05, seed + i);
      double targetPerReplica = base / 5;
      WorkloadPolicy defaults =
          WorkloadPolicy.of(
              TargetRef.deployment("fleet", "w" + i),
              new PrometheusMetric(
                  "sum(rate(http_requests_total{app=\"w" + i + "\"}[1m]))", targetPerReplica),
              50,
              PolicySettings.BUILT_IN);
      WorkloadPolicy policy = scaleMode(defaults, step);
      policies.add(policy);
      index.put(policy.target(), i);
      RollingWindow window = RollingWindow.withDefaultRetention(step);
      long from = start.getEpochSecond() - BACKFILL.getSeconds();
      for (long t = from; t < start.getEpochSecond(); t += stepSeconds) {
        window.backfill(Instant.ofEpochSecond(t), loads[i].at(t), start);
      }
      windows[i] = window;
      replicas[i] =
          Math.max(1, Math.min(50, (int) Math.ceil(loads[i].at(start) / targetPerReplica)));
    }
  }

  List<WorkloadPolicy> policies() {
    return policies;
  }

  DailyLoad load(int i) {
    return loads[i];
  }

  /** Appends every workload's load at {@code now} (the collector's job, not the tick's). */
  void sample(Instant now) {
    long millis = now.toEpochMilli();
    long second = now.getEpochSecond();
    for (int i = 0; i < windows.length; i++) {
      windows[i].append(millis, loads[i].at(second), millis);
    }
  }

  @Override
  public Optional<WorkloadObservation> observe(WorkloadPolicy policy, Instant now) {
    Integer i = index.get(policy.target());
    if (i == null) {
      return Optional.empty();
    }
    return Optional.of(
        WindowObservation.of(policy, replicas[i], replicas[i], windows[i].snapshot(), now));
  }

  @Override
  public ScalingMode mode() {
    return ScalingMode.SCALE;
  }

  @Override
  public ActuationResult apply(TargetRef target, int currentReplicas, int desiredReplicas) {
    replicas[index.get(target)] = desiredReplicas;
    return ActuationResult.applied(currentReplicas, desiredReplicas);
  }

  private static WorkloadPolicy scaleMode(WorkloadPolicy p, Duration step) {
    return p.withSettings(
        p.settings()
            .with(PolicyFields.STEP, step)
            .withLeadTime(LeadTime.fixed(Duration.ofSeconds(90)))
            .with(PolicyFields.MODE, ScalingMode.SCALE));
  }
}
