package io.predictivescaler.core.decision;

/**
 * The HPA's replica calculator (pkg/controller/podautoscaler/replica_calculator.go), one metric at
 * a time: the usage ratio, tolerance, and the handling of unready and missing pods. Returns a
 * proposal, never throws on data.
 */
final class ReplicaCalculator {

  /**
   * Absorbs floating-point noise before truncating a utilization percent, as the HPA's integer
   * maths would.
   */
  private static final double PERCENT_EPSILON = 1e-9;

  private ReplicaCalculator() {}

  static MetricProposal propose(MetricInput metric, int current, int ready, Tolerance tolerance) {
    if (metric instanceof PodMetric pods) {
      return podMetric(pods, current, tolerance);
    }
    if (metric instanceof TotalMetric total) {
      return totalMetric(total, current, ready, tolerance);
    }
    UnavailableMetric unavailable = (UnavailableMetric) metric;
    return MetricProposal.invalid(unavailable.name(), unavailable.why());
  }

  private static MetricProposal podMetric(PodMetric m, int current, Tolerance tolerance) {
    String name = m.name();
    boolean utilization = m.target().type() == TargetType.UTILIZATION;
    double target = m.target().value();
    if (m.readyPods() == 0) {
      return MetricProposal.invalid(name, "no metrics from ready pods");
    }
    if (!usable(m.readySum())
        || !usable(m.readyRequests())
        || !usable(m.unreadyRequests())
        || !usable(m.missingRequests())) {
      return MetricProposal.invalid(name, "a pod sum is negative or not a number");
    }
    if (utilization
        && (m.readyRequests() <= 0
            || (m.unreadyPods() > 0 && m.unreadyRequests() <= 0)
            || (m.missingPods() > 0 && m.missingRequests() <= 0))) {
      return MetricProposal.invalid(name, "missing resource request");
    }
    double ratio =
        utilization
            ? percent(m.readySum(), m.readyRequests()) / target
            : m.readySum() / m.readyPods() / target;
    String observed =
        name + " ratio " + RuleText.num(ratio) + " over " + m.readyPods() + " ready pods";
    boolean scaleUpWithUnready = m.unreadyPods() > 0 && ratio > 1.0;
    if (!scaleUpWithUnready && m.missingPods() == 0) {
      if (tolerance.isWithin(ratio)) {
        return hold(name, current, ratio, true, observed + " within tolerance " + tolerance);
      }
      int replicas = ceil(ratio * m.readyPods());
      return new MetricProposal(
          name, true, replicas, ratio, false, observed + ": ceil(ratio x ready) = " + replicas);
    }
    double sum = m.readySum();
    double requests = m.readyRequests();
    int pods = m.readyPods();
    if (m.missingPods() > 0 && ratio != 1.0) {
      if (ratio < 1.0) {
        sum +=
            utilization
                ? m.missingRequests() * Math.max(100, target) / 100
                : target * m.missingPods();
      }
      requests += m.missingRequests();
      pods += m.missingPods();
    }
    if (scaleUpWithUnready) {
      requests += m.unreadyRequests();
      pods += m.unreadyPods();
    }
    double newRatio = utilization ? percent(sum, requests) / target : sum / pods / target;
    String recomputed =
        observed
            + "; with "
            + m.missingPods()
            + " missing at "
            + (ratio < 1.0 ? "target" : "0")
            + (scaleUpWithUnready ? " and " + m.unreadyPods() + " unready at 0" : "")
            + ": ratio "
            + RuleText.num(newRatio);
    if (tolerance.isWithin(newRatio)) {
      return hold(name, current, ratio, true, recomputed + " within tolerance " + tolerance);
    }
    if ((ratio < 1.0 && newRatio > 1.0) || (ratio > 1.0 && newRatio < 1.0)) {
      return hold(name, current, ratio, false, recomputed + " reverses direction: keep " + current);
    }
    int replicas = ceil(newRatio * pods);
    if ((newRatio < 1.0 && replicas > current) || (newRatio > 1.0 && replicas < current)) {
      return hold(
          name,
          current,
          ratio,
          false,
          recomputed + ", " + replicas + " reverses direction: keep " + current);
    }
    return new MetricProposal(
        name,
        true,
        replicas,
        ratio,
        false,
        recomputed + ": ceil(ratio x " + pods + ") = " + replicas);
  }

  private static MetricProposal totalMetric(
      TotalMetric m, int current, int ready, Tolerance tolerance) {
    String name = m.name();
    double value = m.value();
    double target = m.target().value();
    if (!usable(value)) {
      return MetricProposal.invalid(name, "value " + value + " is negative or not a number");
    }
    if (m.target().type() == TargetType.VALUE) {
      double ratio = value / target;
      String observed = name + " " + RuleText.num(value) + " / target " + RuleText.num(target);
      if (current == 0) {
        int replicas = ceil(ratio);
        return new MetricProposal(
            name,
            true,
            replicas,
            ratio,
            false,
            observed + ": from zero, ceil(ratio) = " + replicas);
      }
      if (tolerance.isWithin(ratio)) {
        return hold(name, current, ratio, true, observed + " within tolerance " + tolerance);
      }
      int replicas = ceil(ratio * ready);
      return new MetricProposal(
          name, true, replicas, ratio, false, observed + " x " + ready + " ready = " + replicas);
    }
    double ratio = value / (target * current);
    double loadRatio =
        ready == 0 ? (value > 0 ? Double.POSITIVE_INFINITY : 0) : value / (target * ready);
    String observed =
        name
            + " "
            + RuleText.num(value)
            + " vs "
            + RuleText.num(target)
            + " per replica x "
            + current;
    if (tolerance.isWithin(ratio)) {
      return hold(name, current, loadRatio, true, observed + " within tolerance " + tolerance);
    }
    int replicas = TotalReplicas.needed(value, target);
    return new MetricProposal(
        name, true, replicas, loadRatio, false, observed + ": ceil(value / target) = " + replicas);
  }

  private static MetricProposal hold(
      String name, int current, double loadRatio, boolean tolerance, String rule) {
    return new MetricProposal(name, true, current, loadRatio, tolerance, rule);
  }

  /** The HPA's utilization: an integer percent, truncated. */
  private static double percent(double usage, double requests) {
    return Math.floor(100.0 * usage / requests + PERCENT_EPSILON);
  }

  /**
   * Relative slack for a float's rounding (up to 6e-8 of the value), far below any difference a
   * real metric is meant to make: used for the whole number of replicas and the tolerance band.
   */
  static final double ROUNDING_SLACK = 1e-6;

  private static boolean usable(double value) {
    return value >= 0 && !Double.isInfinite(value);
  }

  /**
   * The whole number of replicas a count needs; a count at most {@link #ROUNDING_SLACK} above a
   * whole number is that number. A load window keeps samples as 32-bit floats, whose rounding (up
   * to 6e-8 of the value) would otherwise ask for one more replica than the HPA whenever a load is
   * an exact multiple of its target: on a trace of whole request counts, that is most ticks.
   */
  static int ceil(double value) {
    if (!(value > 0)) {
      return 0;
    }
    return value >= Integer.MAX_VALUE
        ? Integer.MAX_VALUE
        : (int) Math.ceil(value * (1 - ROUNDING_SLACK));
  }
}
