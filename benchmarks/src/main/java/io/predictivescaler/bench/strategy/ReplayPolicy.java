package io.predictivescaler.bench.strategy;

import io.predictivescaler.core.config.ParseResult;
import io.predictivescaler.core.config.PolicyFields;
import io.predictivescaler.core.config.PolicyParser;
import io.predictivescaler.core.config.PolicySettings;
import io.predictivescaler.core.config.PrometheusMetric;
import io.predictivescaler.core.config.ScalingMode;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The workload policy a replay runs the real controller under: the first workload of a {@code
 * --policy} file (the service's ConfigMap schema, validated by the service's parser), or the
 * service's defaults. The replay always sets what only it knows: the load per replica (capacity
 * times the strategy's utilization, since a trace is rescaled), the control step, and {@code mode:
 * scale}; without a file also the horizon and the replica range.
 */
public final class ReplayPolicy {

  static final TargetRef TARGET = TargetRef.deployment("replay", "trace");
  static final String QUERY = "replay_load";

  private ReplayPolicy() {}

  /**
   * Reads and validates a policy file.
   *
   * @throws IllegalArgumentException naming the file and every error, when it is unreadable,
   *     invalid, or has no workload
   */
  public static WorkloadPolicy load(Path file) {
    String yaml;
    try {
      yaml = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read policy file " + file + ": " + e, e);
    }
    ParseResult result = PolicyParser.parse(yaml);
    if (!result.isValid()) {
      throw new IllegalArgumentException(
          "policy file " + file + " is invalid:\n  " + String.join("\n  ", result.messages()));
    }
    return result.document().orElseThrow().workloads().stream()
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("policy file " + file + " has no workloads"));
  }

  /**
   * The load per replica of the reactive fallback: the plain HPA's target ({@code
   * --hpa-utilization}), so that an untrusted forecast never leaves less headroom than the HPA.
   */
  private static double reactiveTarget(StrategyContext context) {
    return Math.min(context.targetLoadPerReplica(), context.reactiveLoadPerReplica());
  }

  /** The policy a strategy built from {@code context} runs under. */
  public static WorkloadPolicy forStrategy(StrategyContext context) {
    Optional<WorkloadPolicy> fromFile = context.policyFile().map(ReplayPolicy::load);
    WorkloadPolicy base =
        fromFile.orElseGet(
            () ->
                WorkloadPolicy.of(
                    TARGET,
                    new PrometheusMetric(QUERY, context.targetLoadPerReplica()),
                    context.maxReplicas(),
                    PolicySettings.BUILT_IN));
    String query = base.metric() instanceof PrometheusMetric p ? p.query() : QUERY;
    PolicySettings settings =
        base.settings()
            .with(
                PolicyFields.MIN_REPLICAS,
                fromFile.isPresent()
                    ? base.minReplicas()
                    : Math.max(base.minReplicas(), context.scenario().minReplicas()))
            .with(PolicyFields.STEP, context.scenario().step())
            .with(PolicyFields.HORIZON, fromFile.isPresent() ? base.horizon() : context.horizon())
            .with(PolicyFields.MODE, ScalingMode.SCALE);
    if (context.risk().isPresent()) {
      settings = settings.with(PolicyFields.RISK, context.risk().get());
    }
    return new WorkloadPolicy(
        base.target(),
        new PrometheusMetric(query, context.targetLoadPerReplica(), reactiveTarget(context)),
        fromFile.isPresent() ? base.maxReplicas() : context.maxReplicas(),
        settings);
  }
}
