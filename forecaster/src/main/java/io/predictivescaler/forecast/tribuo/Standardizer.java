package io.predictivescaler.forecast.tribuo;

/**
 * Per-column centring and scaling of features and targets before training, so the solver converges
 * in few iterations and the regularisation weighs every feature alike.
 */
record Standardizer(
    double[] featureMean, double[] featureStd, double[] targetMean, double[] targetStd) {

  static final double CLIP = 5;
  static final double TAIL = 0.02;

  /** Fits on {@code x} and {@code y} and clips the targets in {@code y} in place. */
  static Standardizer fit(double[][] x, double[][] y) {
    for (int a = 0; a < y[0].length; a++) {
      double[] column = new double[y.length];
      for (int r = 0; r < y.length; r++) {
        column[r] = y[r][a];
      }
      java.util.Arrays.sort(column);
      double lo = column[(int) (TAIL * (column.length - 1))];
      double hi = column[(int) Math.ceil((1 - TAIL) * (column.length - 1))];
      for (double[] row : y) {
        row[a] = Math.max(lo, Math.min(hi, row[a]));
      }
    }
    return new Standardizer(mean(x), std(x, mean(x)), mean(y), std(y, mean(y)));
  }

  void features(double[] in, double[] out) {
    for (int i = 0; i < in.length; i++) {
      out[i] = Math.max(-CLIP, Math.min(CLIP, (in[i] - featureMean[i]) / featureStd[i]));
    }
  }

  void targets(double[] in, double[] out) {
    for (int i = 0; i < in.length; i++) {
      out[i] = (in[i] - targetMean[i]) / targetStd[i];
    }
  }

  double target(int a, double standardized) {
    return targetMean[a] + targetStd[a] * standardized;
  }

  private static double[] mean(double[][] rows) {
    double[] m = new double[rows[0].length];
    for (double[] r : rows) {
      for (int i = 0; i < m.length; i++) {
        m[i] += r[i] / rows.length;
      }
    }
    return m;
  }

  private static double[] std(double[][] rows, double[] mean) {
    double[] s = new double[mean.length];
    for (double[] r : rows) {
      for (int i = 0; i < s.length; i++) {
        double d = r[i] - mean[i];
        s[i] += d * d / rows.length;
      }
    }
    for (int i = 0; i < s.length; i++) {
      s[i] = s[i] > 1e-18 ? Math.sqrt(s[i]) : 1;
    }
    return s;
  }
}
