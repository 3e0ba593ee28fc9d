package io.predictivescaler.core.decision;

/**
 * KEDA's fallback: once no metric could be used for the policy's {@code fallback.after}, the
 * recommendation is {@code fallback.replicas} instead of the current count. Runs only when metrics
 * are unavailable and the policy has a fallback; before it is due, the count stays
 * (MetricsUnavailable) and the rule says when the fallback will apply.
 */
final class FallbackStage {

  private FallbackStage() {}

  /**
   * @param fallback the policy's fallback
   * @param withoutMetricsMillis how long no metric could be used, including this tick
   */
  static StageResult run(Fallback fallback, long withoutMetricsMillis, int current) {
    long afterMillis = fallback.after().toMillis();
    String missing =
        "metrics unavailable for "
            + RuleText.num(withoutMetricsMillis / 1000.0)
            + "s (fallback after "
            + RuleText.num(afterMillis / 1000.0)
            + "s)";
    if (withoutMetricsMillis < afterMillis) {
      return StageResult.passed(
          new StageTrace(
              StageTrace.FALLBACK,
              current,
              current,
              missing + ": keep " + current + " until then, then " + fallback.replicas()));
    }
    return StageResult.set(
        new StageTrace(
            StageTrace.FALLBACK,
            current,
            fallback.replicas(),
            missing + ": fallback to " + fallback.replicas()),
        ReasonCode.FALLBACK_REPLICAS);
  }
}
