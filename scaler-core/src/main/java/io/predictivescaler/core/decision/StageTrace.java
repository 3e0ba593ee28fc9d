package io.predictivescaler.core.decision;

import java.util.Objects;

/** One pipeline stage: the replica count it received, the one it produced, and the rule applied. */
public record StageTrace(String stage, int in, int out, String rule) {

  public static final String RANGE = "range";
  public static final String REACTIVE = "reactive";
  public static final String PREDICTIVE = "predictive";
  public static final String COMBINE = "combine";
  public static final String TOLERANCE = "tolerance";
  public static final String FALLBACK = "fallback";
  public static final String SCHEDULE = "schedule";
  public static final String BURST = "burst";
  public static final String STABILIZATION = "stabilization";
  public static final String RATE = "rate";
  public static final String CLAMP = "clamp";

  public StageTrace {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(rule, "rule");
  }

  public boolean changed() {
    return in != out;
  }

  @Override
  public String toString() {
    return stage + " " + in + "->" + out + " (" + rule + ")";
  }
}
