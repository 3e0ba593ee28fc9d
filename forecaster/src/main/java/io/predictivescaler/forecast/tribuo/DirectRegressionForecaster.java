package io.predictivescaler.forecast.tribuo;

import io.predictivescaler.forecast.FittedModel;
import io.predictivescaler.forecast.Forecaster;
import io.predictivescaler.forecast.ModelContext;
import io.predictivescaler.forecast.feature.Anchors;
import io.predictivescaler.forecast.feature.CoarseView;
import io.predictivescaler.forecast.feature.FeatureExtractor;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Direct multi-horizon regression with a Tribuo trainer: one example per origin, features from
 * {@link FeatureExtractor}, one output dimension per anchor horizon step (Tribuo fits one model per
 * dimension). Examples are built from the whole matured history handed to {@link #fit}, so seasonal
 * features are present although the live window holds only a day.
 */
abstract class DirectRegressionForecaster implements Forecaster {
  static final RegressionFactory FACTORY = new RegressionFactory();
  private static final OffsetDateTime EPOCH =
      OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
  private final int maxRows;

  DirectRegressionForecaster(int maxRows) {
    this.maxRows = maxRows;
  }

  /** The trainer; called once per fit (trainers are not all safe to share between threads). */
  abstract Trainer<Regressor> trainer();

  /** Wraps the trained model into a fast immutable predictor. */
  abstract FittedModel wrap(
      Model<Regressor> model,
      FeatureExtractor features,
      Standardizer standardizer,
      String[] outputs);

  @Override
  public int minHistory(ModelContext context) {
    return FeatureExtractor.lookback() + context.horizonSteps() + 120;
  }

  @Override
  public FittedModel fit(CoarseView history, ModelContext context) {
    Anchors anchors = Anchors.forHorizon(context.horizonSteps());
    FeatureExtractor features =
        new FeatureExtractor(anchors, context.seasonSteps(), context.weekly());
    String[] outputs = outputNames(anchors);
    MutableDataset<Regressor> data =
        new MutableDataset<>(new SimpleDataSourceProvenance("forecaster", EPOCH, FACTORY), FACTORY);
    int first = anchors.horizon();
    int last = history.length() - FeatureExtractor.lookback() - 1;
    if (last < first + 10) {
      throw new IllegalArgumentException(
          "history: " + history.length() + " points are too few to train " + kind());
    }
    // Past maxRows origins, every rowStride-th one: the whole kept history at a bounded cost.
    int rowStride = (last - first) / maxRows + 1;
    int rows = (last - first) / rowStride + 1;
    double[][] x = new double[rows][features.size()];
    double[][] y = new double[rows][anchors.count()];
    long[] origins = new long[rows];
    double[] scales = new double[rows];
    for (int r = 0; r < rows; r++) {
      int offset = first + r * rowStride;
      double scale = features.extract(history, offset, x[r]);
      origins[r] = history.endEpochSecond() - offset * history.stepSeconds();
      scales[r] = scale;
      double now = history.ago(offset);
      for (int a = 0; a < anchors.count(); a++) {
        y[r][a] = (history.ago(offset - anchors.step(a)) - now) / scale;
      }
    }
    if (!features.weekBeatsDay(y, origins, scales, history.stepSeconds())) {
      // weekly features cost solver time: only where last week says more than yesterday
      features = features.withoutWeekly();
      for (int r = 0; r < rows; r++) {
        x[r] = Arrays.copyOf(x[r], features.size());
      }
    }
    String[] names = features.names();
    Standardizer standardizer = Standardizer.fit(x, y);
    for (int r = 0; r < rows; r++) {
      double[] xs = new double[features.size()];
      double[] ys = new double[anchors.count()];
      standardizer.features(x[r], xs);
      standardizer.targets(y[r], ys);
      data.add(new ArrayExample<>(new Regressor(outputs, ys), names, xs));
    }
    return wrap(trainer().train(data), features, standardizer, outputs);
  }

  static String[] outputNames(Anchors anchors) {
    String[] outputs = new String[anchors.count()];
    for (int a = 0; a < outputs.length; a++) {
      outputs[a] = String.format("h%03d", anchors.step(a));
    }
    return outputs;
  }
}
