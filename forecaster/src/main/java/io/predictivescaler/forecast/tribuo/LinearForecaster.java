package io.predictivescaler.forecast.tribuo;

import io.predictivescaler.forecast.FittedModel;
import io.predictivescaler.forecast.ModelKind;
import io.predictivescaler.forecast.feature.FeatureExtractor;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.liblinear.LibLinearRegressionTrainer;
import org.tribuo.regression.liblinear.LinearRegressionType;

/**
 * L2-regularised least squares (LibLinear's L2R_L2LOSS_SVR with a zero-width tube) on the
 * standardised engineered features. Trains in milliseconds; predicts with plain dot products.
 */
public final class LinearForecaster extends DirectRegressionForecaster {
  private static final double COST = 1.0;
  private static final int MAX_ITERATIONS = 1000;
  private static final double TOLERANCE = 1e-3;

  public LinearForecaster() {
    super(2000);
  }

  @Override
  public ModelKind kind() {
    return ModelKind.LINEAR;
  }

  @Override
  Trainer<Regressor> trainer() {
    return new LibLinearRegressionTrainer(
        new LinearRegressionType(LinearRegressionType.LinearType.L2R_L2LOSS_SVR),
        COST,
        MAX_ITERATIONS,
        TOLERANCE,
        0.0);
  }

  @Override
  FittedModel wrap(
      Model<Regressor> model,
      FeatureExtractor features,
      Standardizer standardizer,
      String[] outputs) {
    return LinearDirectModel.probe(kind().configName(), model, features, standardizer, outputs);
  }
}
