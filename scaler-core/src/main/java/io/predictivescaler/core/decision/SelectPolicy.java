package io.predictivescaler.core.decision;

/** autoscaling/v2 {@code selectPolicy}: which rate policy wins when several apply. */
public enum SelectPolicy {
  /** The policy allowing the largest change (HPA default). */
  MAX,
  /** The policy allowing the smallest change. */
  MIN,
  /** No scaling in this direction. */
  DISABLED
}
