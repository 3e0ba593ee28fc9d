package io.predictivescaler.forecast.tribuo;

import io.predictivescaler.forecast.FittedModel;
import io.predictivescaler.forecast.feature.Anchors;
import io.predictivescaler.forecast.feature.CoarseView;
import io.predictivescaler.forecast.feature.FeatureExtractor;
import org.tribuo.Model;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** Predicts through the Tribuo model itself (trees, boosted trees). */
final class TribuoDirectModel implements FittedModel {
  private final String name;
  private final Model<Regressor> model;
  private final FeatureExtractor features;
  private final String[] names;
  private final String[] outputs;
  private final Standardizer standardizer;

  TribuoDirectModel(
      String name,
      Model<Regressor> model,
      FeatureExtractor features,
      Standardizer standardizer,
      String[] outputs) {
    this.name = name;
    this.standardizer = standardizer;
    this.model = model;
    this.features = features;
    this.names = features.names();
    this.outputs = outputs;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void predict(CoarseView recent, double[] out) {
    double[] x = new double[features.size()];
    double scale = features.extract(recent, 0, x);
    standardizer.features(x, x);
    Regressor r =
        model
            .predict(new ArrayExample<>(RegressionFactory.UNKNOWN_MULTIPLE_REGRESSOR, names, x))
            .getOutput();
    Anchors anchors = features.anchors();
    double now = recent.filled(0);
    double[] atAnchors = new double[anchors.count()];
    for (int a = 0; a < atAnchors.length; a++) {
      atAnchors[a] =
          now + scale * standardizer.target(a, r.getDimension(outputs[a]).orElseThrow().getValue());
    }
    anchors.expand(now, atAnchors, out);
  }
}
