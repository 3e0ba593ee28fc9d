package io.predictivescaler.forecast;

import io.predictivescaler.forecast.feature.CoarseView;

/** The equal-weight average of two fitted models' forecasts. */
record AveragedModel(FittedModel first, FittedModel second) implements FittedModel {

  @Override
  public String name() {
    return first.name() + "+" + second.name();
  }

  @Override
  public void predict(CoarseView recent, double[] out) {
    double[] other = new double[out.length];
    first.predict(recent, out);
    second.predict(recent, other);
    for (int i = 0; i < out.length; i++) {
      out[i] = (out[i] + other[i]) / 2;
    }
  }
}
