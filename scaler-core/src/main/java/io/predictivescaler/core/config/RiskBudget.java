package io.predictivescaler.core.config;

import java.math.BigDecimal;

/**
 * How much overload a workload may take, as set by {@code risk} in a policy: {@link #hpa()}, no
 * more overloaded minutes than a plain HPA would have had on the same history, or an explicit
 * {@link #share(double)} of minutes overloaded.
 *
 * <pre>{@code
 * switch (policy.risk()) {
 *   case RiskBudget.Hpa hpa -> ...;
 *   case RiskBudget.Share s -> s.share(); // 0.001 for "0.1%"
 * }
 * }</pre>
 */
public sealed interface RiskBudget {

  /** The largest explicit budget: half the minutes overloaded. */
  double MAX_SHARE = 0.5;

  /** No more overload than the plain HPA at {@code reactiveTargetPerReplica}: the default. */
  static RiskBudget hpa() {
    return Hpa.INSTANCE;
  }

  /**
   * An explicit budget.
   *
   * @param share the share of minutes that may be overloaded, in (0, {@value #MAX_SHARE}]
   */
  static RiskBudget share(double share) {
    return new Share(share);
  }

  boolean isHpa();

  /**
   * The explicit share of minutes that may be overloaded.
   *
   * @throws IllegalStateException for {@link #hpa()}, whose share is not fixed but measured
   */
  double share();

  /** The budget as a policy writes it: {@code hpa} or a percentage like {@code 0.1%}. */
  @Override
  String toString();

  /** The HPA's own overload on the same history is the budget. */
  record Hpa() implements RiskBudget {

    private static final Hpa INSTANCE = new Hpa();

    @Override
    public boolean isHpa() {
      return true;
    }

    @Override
    public double share() {
      throw new IllegalStateException(
          "risk hpa has no fixed share: it is the plain HPA's overload on the same history");
    }

    @Override
    public String toString() {
      return "hpa";
    }
  }

  /** An explicit share of minutes overloaded, in (0, {@value #MAX_SHARE}]. */
  record Share(double share) implements RiskBudget {

    public Share {
      if (!(share > 0 && share <= MAX_SHARE)) {
        throw new IllegalArgumentException("risk share must be in (0, 0.5], got " + share);
      }
    }

    @Override
    public boolean isHpa() {
      return false;
    }

    @Override
    public String toString() {
      return BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
  }
}
