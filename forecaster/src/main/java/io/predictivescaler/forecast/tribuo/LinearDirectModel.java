package io.predictivescaler.forecast.tribuo;

import io.predictivescaler.forecast.FittedModel;
import io.predictivescaler.forecast.feature.Anchors;
import io.predictivescaler.forecast.feature.CoarseView;
import io.predictivescaler.forecast.feature.FeatureExtractor;
import org.tribuo.Model;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * A linear Tribuo model reduced to plain weights, so a prediction is a few dot products. The
 * weights are read by probing the trained model (its prediction at a base point and at that point
 * plus each unit vector), which holds for any affine model whatever Tribuo does internally. The
 * weights apply to standardised (and clipped) features, as in training.
 */
final class LinearDirectModel implements FittedModel {
  private final String name;
  private final FeatureExtractor features;
  private final Standardizer standardizer;
  private final double[][] weights;
  private final double[] intercepts;

  private LinearDirectModel(
      String name,
      FeatureExtractor features,
      Standardizer standardizer,
      double[][] weights,
      double[] intercepts) {
    this.name = name;
    this.features = features;
    this.standardizer = standardizer;
    this.weights = weights;
    this.intercepts = intercepts;
  }

  static LinearDirectModel probe(
      String name,
      Model<Regressor> model,
      FeatureExtractor features,
      Standardizer st,
      String[] outputs) {
    String[] names = features.names();
    int f = names.length;
    double[] base = new double[f];
    java.util.Arrays.fill(base, 1.0);
    double[] atBase = predict(model, names, base, outputs);
    double[][] weights = new double[outputs.length][f];
    for (int i = 0; i < f; i++) {
      double[] x = base.clone();
      x[i] += 1.0;
      double[] p = predict(model, names, x, outputs);
      for (int a = 0; a < outputs.length; a++) {
        weights[a][i] = p[a] - atBase[a];
      }
    }
    double[] intercepts = new double[outputs.length];
    for (int a = 0; a < outputs.length; a++) {
      double sum = 0;
      for (int i = 0; i < f; i++) {
        sum += weights[a][i];
      }
      intercepts[a] = atBase[a] - sum;
    }
    return new LinearDirectModel(name, features, st, weights, intercepts);
  }

  private static double[] predict(
      Model<Regressor> model, String[] names, double[] x, String[] outputs) {
    Regressor r =
        model
            .predict(new ArrayExample<>(RegressionFactory.UNKNOWN_MULTIPLE_REGRESSOR, names, x))
            .getOutput();
    double[] out = new double[outputs.length];
    for (int a = 0; a < outputs.length; a++) {
      out[a] = r.getDimension(outputs[a]).orElseThrow().getValue();
    }
    return out;
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
    Anchors anchors = features.anchors();
    double now = recent.filled(0);
    double[] atAnchors = new double[anchors.count()];
    for (int a = 0; a < atAnchors.length; a++) {
      double[] w = weights[a];
      double y = intercepts[a];
      for (int i = 0; i < w.length; i++) {
        y += w[i] * x[i];
      }
      atAnchors[a] = now + scale * standardizer.target(a, y);
    }
    anchors.expand(now, atAnchors, out);
  }
}
