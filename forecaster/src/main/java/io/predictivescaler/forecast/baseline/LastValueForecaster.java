package io.predictivescaler.forecast.baseline;

import io.predictivescaler.forecast.FittedModel;
import io.predictivescaler.forecast.Forecaster;
import io.predictivescaler.forecast.ModelContext;
import io.predictivescaler.forecast.ModelKind;
import io.predictivescaler.forecast.feature.CoarseView;
import java.util.Arrays;

/** The newest value, held flat over the horizon: what a reactive autoscaler assumes. */
public final class LastValueForecaster implements Forecaster {

  @Override
  public ModelKind kind() {
    return ModelKind.LAST_VALUE;
  }

  @Override
  public int minHistory(ModelContext context) {
    return 1;
  }

  @Override
  public FittedModel fit(CoarseView history, ModelContext context) {
    return MODEL;
  }

  private static final FittedModel MODEL =
      new FittedModel() {
        @Override
        public String name() {
          return ModelKind.LAST_VALUE.configName();
        }

        @Override
        public void predict(CoarseView recent, double[] out) {
          Arrays.fill(out, recent.filled(0));
        }
      };
}
