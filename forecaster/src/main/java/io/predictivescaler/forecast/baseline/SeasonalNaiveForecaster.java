package io.predictivescaler.forecast.baseline;

import io.predictivescaler.forecast.FittedModel;
import io.predictivescaler.forecast.Forecaster;
import io.predictivescaler.forecast.ModelContext;
import io.predictivescaler.forecast.ModelKind;
import io.predictivescaler.forecast.feature.CoarseView;

/**
 * The value one season before the target time. Where history is shorter than a season at some step,
 * that step falls back to the last value.
 */
public final class SeasonalNaiveForecaster implements Forecaster {

  @Override
  public ModelKind kind() {
    return ModelKind.SEASONAL_NAIVE;
  }

  @Override
  public int minHistory(ModelContext context) {
    return context.seasonSteps();
  }

  @Override
  public FittedModel fit(CoarseView history, ModelContext context) {
    return new Model(context.seasonSteps());
  }

  private record Model(int season) implements FittedModel {
    @Override
    public String name() {
      return ModelKind.SEASONAL_NAIVE.configName();
    }

    @Override
    public void predict(CoarseView recent, double[] out) {
      double last = recent.filled(0);
      for (int h = 1; h <= out.length; h++) {
        int k = season - h;
        out[h - 1] = k >= 0 && k < recent.length() ? recent.filled(k) : last;
      }
    }
  }
}
