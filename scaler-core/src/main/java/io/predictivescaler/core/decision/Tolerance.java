package io.predictivescaler.core.decision;

/**
 * The HPA's tolerance around a usage ratio of 1.0, per direction (KEP-4951): no scaling while
 * {@code 1 - down <= ratio <= 1 + up}.
 */
public record Tolerance(double up, double down) {

  public Tolerance {
    check("up", up);
    check("down", down);
  }

  public static Tolerance of(double both) {
    return new Tolerance(both, both);
  }

  /**
   * Same test as the HPA's {@code Tolerances.isWithin}, with the edges widened by {@link
   * ReplicaCalculator#ROUNDING_SLACK}: a ratio on an edge stays on it after a load window's float
   * rounding.
   */
  public boolean isWithin(double usageRatio) {
    return (1.0 - down) * (1 - ReplicaCalculator.ROUNDING_SLACK) <= usageRatio
        && usageRatio <= (1.0 + up) * (1 + ReplicaCalculator.ROUNDING_SLACK);
  }

  @Override
  public String toString() {
    return "[" + RuleText.num(1.0 - down) + ", " + RuleText.num(1.0 + up) + "]";
  }

  private static void check(String field, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(field + " tolerance must be in [0, 1), got " + value);
    }
  }
}
