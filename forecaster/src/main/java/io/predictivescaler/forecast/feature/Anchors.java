package io.predictivescaler.forecast.feature;

/**
 * The horizon steps a direct multi-horizon model is trained for: every step up to 6, otherwise 6
 * steps spread evenly and ending at the horizon; steps in between are interpolated.
 */
public final class Anchors {
  static final int MAX_ANCHORS = 6;
  private final int[] steps;

  private Anchors(int[] steps) {
    this.steps = steps;
  }

  public static Anchors forHorizon(int horizonSteps) {
    if (horizonSteps < 1) {
      throw new IllegalArgumentException("horizonSteps: must be >= 1, got " + horizonSteps);
    }
    int count = Math.min(horizonSteps, MAX_ANCHORS);
    int[] steps = new int[count];
    for (int i = 0; i < count; i++) {
      steps[i] = (int) Math.round((i + 1) * (double) horizonSteps / count);
    }
    return new Anchors(steps);
  }

  public int count() {
    return steps.length;
  }

  public int step(int i) {
    return steps[i];
  }

  public int horizon() {
    return steps[steps.length - 1];
  }

  /**
   * Expands the forecasts at the anchors into {@code out[0..horizon-1]}, interpolating linearly
   * between anchors and from {@code now} (the value at step 0) to the first anchor.
   */
  public void expand(double now, double[] atAnchors, double[] out) {
    int prevStep = 0;
    double prevValue = now;
    int j = 1;
    for (int i = 0; i < steps.length; i++) {
      int s = steps[i];
      double v = atAnchors[i];
      for (; j <= s && j <= out.length; j++) {
        out[j - 1] = prevValue + (v - prevValue) * (j - prevStep) / (s - prevStep);
      }
      prevStep = s;
      prevValue = v;
    }
    for (; j <= out.length; j++) {
      out[j - 1] = prevValue;
    }
  }
}
