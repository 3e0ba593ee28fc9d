package io.predictivescaler.forecast;

import io.predictivescaler.forecast.feature.CoarseView;
import io.predictivescaler.forecast.feature.WeeklyHistory;
import io.predictivescaler.forecast.select.ModelSelector;
import io.predictivescaler.forecast.select.Selection;
import io.predictivescaler.forecast.select.TrustPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Forecasts one workload series. {@link #refit} (blocking, milliseconds; a worker thread) keeps the
 * matured history, re-picks the model for {@code auto} on its schedule, fits, and publishes an
 * immutable {@link FittedState} through a volatile field. {@link #forecast} (microseconds; the tick
 * thread) predicts with the published state, scores earlier forecasts against the actuals that have
 * since arrived, and attaches the upper band and the trust verdict.
 */
public final class SeriesForecaster {
  private static final Duration COLD_RETRY = Duration.ofMinutes(5);
  private static final int MIN_ONLINE_RESIDUALS = 30;
  private static final int RESIDUAL_CAPACITY = 240;

  /** Coarse series (30 min) keep at least this many buckets, whatever trainingHistory says. */
  private static final long MIN_TRAINING_BUCKETS = 600;

  private final ForecastSettings settings;
  private final TrustPolicy trustPolicy;
  private final Object refitLock = new Object();
  private final HistoryArchive archive;
  private final SharedFits shared;
  private WeeklyHistory weekly = WeeklyHistory.empty();
  private Selection selection;
  private volatile FittedState fitted;
  private volatile Instant lastAttempt;
  private final OnlineBook book;

  public SeriesForecaster(ForecastSettings settings) {
    this(settings, SharedFits.NONE);
  }

  /**
   * @param shared model choices and fits shared with forecasters that see the same series at the
   *     same times (a replay sweep's runs); {@link SharedFits#NONE} in the service
   */
  public SeriesForecaster(ForecastSettings settings, SharedFits shared) {
    this.shared = Objects.requireNonNull(shared, "shared");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.trustPolicy =
        new TrustPolicy(settings.minHistory(), settings.minAccuracySamples(), settings.minSkill());
    this.archive = new HistoryArchive();
    this.book = new OnlineBook(settings, trustPolicy, MIN_ONLINE_RESIDUALS, RESIDUAL_CAPACITY);
  }

  /** The kept history training reads, on the model grid; null before the first refit. */
  RegularSeries keptHistory() {
    synchronized (refitLock) {
      return archive.series();
    }
  }

  public ForecastSettings settings() {
    return settings;
  }

  /** True when a refit is due: on the refit interval, or every few minutes until a first fit. */
  public boolean refitDue(Instant now) {
    FittedState f = fitted;
    if (f == null) {
      Instant last = lastAttempt;
      Duration retry =
          settings.refitInterval().compareTo(COLD_RETRY) < 0
              ? settings.refitInterval()
              : COLD_RETRY;
      return last == null || !now.isBefore(last.plus(retry));
    }
    return !now.isBefore(f.fittedAt().plus(settings.refitInterval()));
  }

  /**
   * Merges {@code history}, averaged onto the model grid, into the kept history, re-picks the model
   * if due, and fits.
   */
  public void refit(RegularSeries history, Instant now) {
    synchronized (refitLock) {
      lastAttempt = now;
      ModelGrid grid = ModelGrid.of(settings, history.stepSeconds());
      Duration keep = Duration.ofSeconds(grid.context().gridSeconds() * MIN_TRAINING_BUCKETS);
      Duration retention =
          keep.compareTo(settings.trainingHistory()) > 0 ? keep : settings.trainingHistory();
      RegularSeries all = archive.merge(GridBuckets.of(history, grid.ratio()), retention);
      if (all == null || all.span().isZero()) {
        return;
      }
      weekly = weekly.merge(all, weeklyRetention(retention));
      CoarseView view = CoarseView.materialize(all, 1);
      ModelContext ctx = grid.context().withWeekly(weekly);
      int holdout = holdout(view, ctx);
      boolean pickDue =
          selection == null
              || selection.scores().isEmpty()
              || !now.isBefore(selection.at().plus(settings.repickInterval()));
      if (pickDue && holdout > 0) {
        selection =
            shared.selection(
                settings,
                now,
                all,
                weekly,
                () ->
                    ModelSelector.select(
                        view,
                        ctx,
                        candidates(),
                        holdout,
                        settings.quantile(),
                        settings.model() == ModelKind.AUTO,
                        now));
      }
      ModelKind kind = settings.model();
      ModelKind partner = null;
      if (kind == ModelKind.AUTO) {
        boolean picked = selection != null && !selection.scores().isEmpty();
        kind = picked ? selection.best() : ModelKind.LINEAR;
        partner = picked ? selection.partner() : null;
      }
      long t0 = System.nanoTime();
      Forecaster forecaster = usable(kind, view, ctx);
      if (forecaster == null) {
        return;
      }
      FittedModel model =
          shared.fit(
              settings, now, all, weekly, forecaster.kind(), () -> forecaster.fit(view, ctx));
      Forecaster second = partner == null ? null : usable(partner, view, ctx);
      boolean combined = second != null && second.kind() != forecaster.kind();
      if (combined) {
        FittedModel secondModel =
            shared.fit(settings, now, all, weekly, second.kind(), () -> second.fit(view, ctx));
        model = new AveragedModel(model, secondModel);
      }
      double fitMillis = (System.nanoTime() - t0) / 1e6;
      boolean isWinner =
          selection != null
              && forecaster.kind() == selection.best()
              && (combined ? second.kind() == selection.partner() : selection.partner() == null);
      double[] cold = coldOffsets(grid, forecaster.kind(), isWinner);
      double[] offsets = book.upperOffsets(grid, cold, settings.quantile());
      double backtestMae = Double.NaN;
      double backtestBaseline = Double.NaN;
      if (selection != null) {
        backtestMae = isWinner ? selection.winnerScore() : selection.score(forecaster.kind());
        backtestBaseline = baselineScore(selection, combined ? null : forecaster.kind());
      }
      String name =
          forecaster.kind() == kind
              ? model.name()
              : model.name() + " (" + kind + " needs more history)";
      fitted =
          new FittedState(
              model,
              combined ? ModelKind.AUTO : forecaster.kind(),
              name,
              now,
              fitMillis,
              grid,
              offsets,
              selection,
              backtestMae,
              backtestBaseline,
              all.span());
    }
  }

  /**
   * A week, plus a day or the training history if longer: every training row of the archive can
   * then read the week before it.
   */
  static Duration weeklyRetention(Duration trainingHistory) {
    Duration day = Duration.ofDays(1);
    return Duration.ofDays(7).plus(trainingHistory.compareTo(day) > 0 ? trainingHistory : day);
  }

  /** {@code kind}, or the first tier below it that the history allows; null if none. */
  private static Forecaster usable(ModelKind kind, CoarseView view, ModelContext ctx) {
    Forecaster forecaster = ForecasterFactory.create(kind);
    while (view.length() < forecaster.minHistory(ctx)) {
      var lower = ForecasterFactory.fallback(forecaster.kind());
      if (lower.isEmpty()) {
        return null;
      }
      forecaster = ForecasterFactory.create(lower.get());
    }
    return forecaster;
  }

  private static double baselineScore(Selection s, ModelKind self) {
    double best = Double.NaN;
    for (ModelKind b : new ModelKind[] {ModelKind.LAST_VALUE, ModelKind.SEASONAL_NAIVE}) {
      double v = s.score(b);
      if (b != self && !Double.isNaN(v) && (Double.isNaN(best) || v < best)) {
        best = v;
      }
    }
    return best;
  }

  /** Forecast from the newest point of {@code history}; cheap enough for every tick. */
  public Forecast forecast(RegularSeries history, Instant now) {
    return book.forecast(history, fitted);
  }

  public ForecasterStatus status() {
    FittedState f = fitted;
    Selection s = f == null ? null : f.selection();
    return new ForecasterStatus(
        settings.model(),
        f == null ? null : f.name(),
        f == null ? null : f.fittedAt(),
        f == null ? Double.NaN : f.fitMillis(),
        s,
        book.lastTrust(),
        book.accuracy(),
        f == null ? Duration.ZERO : f.history());
  }

  private int holdout(CoarseView view, ModelContext ctx) {
    long wanted = -Math.floorDiv(-settings.backtestWindow().getSeconds(), ctx.gridSeconds());
    int holdout = (int) Math.min(Math.max(wanted, 48), view.length() / 3);
    return holdout >= ctx.horizonSteps() + 10 ? holdout : 0;
  }

  private List<ModelKind> candidates() {
    if (settings.model() == ModelKind.AUTO) {
      return ForecasterFactory.AUTO_CANDIDATES;
    }
    Set<ModelKind> set = new LinkedHashSet<>();
    set.add(settings.model());
    set.add(ModelKind.LAST_VALUE);
    set.add(ModelKind.SEASONAL_NAIVE);
    return new ArrayList<>(set);
  }

  /** Backtest residual quantiles per series step, for the model in use or the last value. */
  private double[] coldOffsets(ModelGrid grid, ModelKind kind, boolean isWinner) {
    double[] coarse = null;
    if (selection != null) {
      coarse =
          isWinner && selection.winnerOffsets() != null
              ? selection.winnerOffsets().clone()
              : selection.upperOffsets(kind);
      if (coarse == null) {
        coarse = selection.upperOffsets(ModelKind.LAST_VALUE);
      }
    }
    double[] out = new double[grid.steps()];
    if (coarse != null) {
      for (int j = 1; j <= out.length; j++) {
        int bucket = (int) Math.min(coarse.length, -Math.floorDiv(-j, grid.ratio()));
        out[j - 1] = Math.max(0, coarse[bucket - 1]);
      }
    }
    return out;
  }

  /** What {@link #refit} publishes; immutable, read by {@link #forecast} without locking. */
  record FittedState(
      FittedModel model,
      ModelKind kind,
      String name,
      Instant fittedAt,
      double fitMillis,
      ModelGrid grid,
      double[] upperOffsets,
      Selection selection,
      double backtestMae,
      double backtestBaseline,
      Duration history) {}
}
