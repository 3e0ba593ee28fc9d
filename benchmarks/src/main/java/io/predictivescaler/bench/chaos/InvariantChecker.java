package io.predictivescaler.bench.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts invariant violations from what the run observed; keeps the first few as examples. Pure:
 * every check takes what it needs as arguments.
 */
final class InvariantChecker {

  /** How late a write may reach the server after its fence was asked (request latency). */
  static final Duration WRITE_SLACK = Duration.ofMillis(500);

  private static final int EXAMPLES = 25;

  private final Duration renewDeadline;
  private final Map<Invariant, Integer> violations = new EnumMap<>(Invariant.class);
  private final List<String> examples = new ArrayList<>();

  InvariantChecker(Duration renewDeadline) {
    this.renewDeadline = renewDeadline;
    for (Invariant invariant : Invariant.values()) {
      violations.put(invariant, 0);
    }
  }

  /**
   * One write seen at the API server.
   *
   * @param scalers identities of every scaler instance the run started
   * @param allowedMin lowest minReplicas of the policies in force recently
   * @param allowedMax highest maxReplicas of the policies in force recently
   * @param boundsMax every maxReplicas in force recently (a scale-down to one of them is the clamp)
   * @param dataMissing whether the workload's metric had no usable value for the staleness limit
   */
  void write(
      long tick,
      ApiWrite write,
      Set<String> scalers,
      int allowedMin,
      int allowedMax,
      Collection<Integer> boundsMax,
      boolean dataMissing) {
    if (write.writer() == null) {
      return;
    }
    String what =
        write.writer()
            + " wrote "
            + write.namespace()
            + "/"
            + write.name()
            + (write.hpa() ? " HPA floor " : " replicas ")
            + write.from()
            + " -> "
            + write.to();
    String holder = write.leaseHolder();
    if (scalers.contains(holder) && !holder.equals(write.writer())) {
      violation(
          Invariant.NO_WRITE_WHILE_NOT_LEADER, tick, what + " while " + holder + " held the Lease");
    } else if (write.writerRenewedNanos() == Long.MIN_VALUE
        || write.atNanos() - write.writerRenewedNanos()
            > renewDeadline.plus(WRITE_SLACK).toNanos()) {
      violation(
          Invariant.NO_WRITE_WHILE_NOT_LEADER,
          tick,
          what + " " + renewedAgo(write) + " after its last Lease renewal (holder " + holder + ")");
    }
    if (!write.restore()
        && write.to() != null
        && (write.to() < allowedMin || write.to() > allowedMax)) {
      violation(
          Invariant.WITHIN_MIN_MAX,
          tick,
          what + " outside [" + allowedMin + ", " + allowedMax + "]");
    }
    if (!write.hpa()
        && dataMissing
        && write.from() != null
        && write.to() != null
        && write.to() < write.from()
        && !boundsMax.contains(write.to())) {
      violation(Invariant.NO_SCALE_DOWN_ON_MISSING_DATA, tick, what + " with no usable metric");
    }
  }

  /**
   * Every workload {@code expected} must have a decision at this tick.
   *
   * @param skipped why a workload was skipped, by name, for the example's detail
   */
  void decisions(
      long tick,
      String instance,
      Set<String> expected,
      Set<String> decided,
      Map<String, String> skipped) {
    for (String name : expected) {
      if (!decided.contains(name)) {
        String why = skipped.containsKey(name) ? " (skipped: " + skipped.get(name) + ")" : "";
        violation(
            Invariant.DECISION_WITHIN_ONE_STEP,
            tick,
            instance + " made no decision for " + name + " this step" + why);
      }
    }
  }

  void owner(long tick, String instance, String workload, String owner, String expected) {
    if (!expected.equals(owner)) {
      violation(
          Invariant.POLICY_OWNER_STABLE,
          tick,
          instance + " takes " + workload + "'s policy from " + owner + ", not " + expected);
    }
  }

  /**
   * An HPA floor still raised (or still annotated by the scaler) {@code waited} after its
   * workload's hpa-floor policy was removed.
   */
  void floorNotRestored(long tick, String hpa, int minReplicas, int original, Duration waited) {
    violation(
        Invariant.HPA_FLOOR_RESTORED,
        tick,
        "HPA "
            + hpa
            + " still at minReplicas "
            + minReplicas
            + " (the SRE's floor: "
            + original
            + ") "
            + waited.toSeconds()
            + " s after its hpa-floor policy was removed");
  }

  void heap(long tick, long usedMb, int limitMb) {
    if (usedMb > limitMb) {
      violation(Invariant.HEAP_BOUNDED, tick, usedMb + " MiB in use after GC, limit " + limitMb);
    }
  }

  void restarted(long tick, String instance, String problem) {
    violation(Invariant.STATE_REBUILT, tick, instance + ": " + problem);
  }

  void violation(Invariant invariant, long tick, String detail) {
    violations.merge(invariant, 1, Integer::sum);
    if (Boolean.getBoolean("chaos.trace")) {
      System.err.println("tick " + tick + ": " + invariant.key() + ": " + detail);
    }
    if (examples.size() < EXAMPLES) {
      examples.add("tick " + tick + ": " + invariant.key() + ": " + detail);
    }
  }

  /** Violations by invariant key, every invariant present. */
  Map<String, Integer> counts() {
    Map<String, Integer> counts = new TreeMap<>();
    violations.forEach((k, v) -> counts.put(k.key(), v));
    return counts;
  }

  int total() {
    return violations.values().stream().mapToInt(Integer::intValue).sum();
  }

  List<String> examples() {
    return List.copyOf(examples);
  }

  private static String renewedAgo(ApiWrite write) {
    if (write.writerRenewedNanos() == Long.MIN_VALUE) {
      return "never having held the Lease,";
    }
    return Duration.ofNanos(write.atNanos() - write.writerRenewedNanos()).toMillis() + " ms";
  }
}
