package io.predictivescaler.forecast.tribuo;

import io.predictivescaler.forecast.FittedModel;
import io.predictivescaler.forecast.ModelContext;
import io.predictivescaler.forecast.ModelKind;
import io.predictivescaler.forecast.feature.CoarseView;
import io.predictivescaler.forecast.feature.FeatureExtractor;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * Gradient-boosted trees (XGBoost through Tribuo, one thread: these nodes are small). Needs the
 * native library and libgomp; when they cannot load, fitting fails with an error that says so.
 * Prediction goes through JNI and costs tens of microseconds, so it is not an {@code auto}
 * candidate.
 */
public final class XGBoostForecaster extends DirectRegressionForecaster {
  private static final int TREES = 60;
  private static final double ETA = 0.1;
  private static final int MAX_DEPTH = 4;
  private static final double MIN_CHILD_WEIGHT = 5;
  private static final long SEED = 42;

  public XGBoostForecaster() {
    super(2000);
  }

  @Override
  public ModelKind kind() {
    return ModelKind.XGBOOST;
  }

  @Override
  public FittedModel fit(CoarseView history, ModelContext context) {
    try {
      return super.fit(history, context);
    } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
      throw new IllegalStateException(
          "xgboost: the native XGBoost library failed to load ("
              + e
              + "); install libgomp1 or choose another model",
          e);
    }
  }

  @Override
  Trainer<Regressor> trainer() {
    return new XGBoostRegressionTrainer(
        XGBoostRegressionTrainer.RegressionType.LINEAR,
        TREES,
        ETA,
        0,
        MAX_DEPTH,
        MIN_CHILD_WEIGHT,
        1.0,
        1.0,
        1.0,
        0,
        1,
        true,
        SEED);
  }

  @Override
  FittedModel wrap(
      Model<Regressor> model,
      FeatureExtractor features,
      Standardizer standardizer,
      String[] outputs) {
    return new TribuoDirectModel(kind().configName(), model, features, standardizer, outputs);
  }
}
