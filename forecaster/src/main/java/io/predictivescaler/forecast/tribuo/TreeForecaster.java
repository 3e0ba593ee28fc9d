package io.predictivescaler.forecast.tribuo;

import io.predictivescaler.forecast.FittedModel;
import io.predictivescaler.forecast.ModelKind;
import io.predictivescaler.forecast.feature.FeatureExtractor;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;

/**
 * A CART regression tree per anchor step. CART is slow to train in Tribuo, so it sees at most the
 * most recent {@value #MAX_ROWS} examples and a shallow depth; it is not an {@code auto} candidate.
 */
public final class TreeForecaster extends DirectRegressionForecaster {
  static final int MAX_ROWS = 1500;
  private static final int MAX_DEPTH = 6;

  public TreeForecaster() {
    super(MAX_ROWS);
  }

  @Override
  public ModelKind kind() {
    return ModelKind.TREE;
  }

  @Override
  Trainer<Regressor> trainer() {
    return new CARTRegressionTrainer(MAX_DEPTH);
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
