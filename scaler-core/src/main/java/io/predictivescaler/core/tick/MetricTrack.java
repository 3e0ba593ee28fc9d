package io.predictivescaler.core.tick;

import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.decision.ForecastSummary;
import io.predictivescaler.core.decision.ScalingPolicy;
import io.predictivescaler.forecast.Forecast;
import io.predictivescaler.forecast.ForecastSettings;
import io.predictivescaler.forecast.RegularSeries;
import io.predictivescaler.forecast.SeriesForecaster;
import io.predictivescaler.forecast.SharedFits;
import java.time.Duration;
import java.time.Instant;

/**
 * One metric's forecast track: its forecaster and the {@link ForecastCalibration} that turns its
 * forecasts into the peak the decision sizes. Each metric of a workload has its own, built from the
 * workload's policy seen through that metric alone ({@link WorkloadPolicy#forMetric}); its state is
 * the workload loop's, touched by one thread at a time, except the forecaster's refit.
 */
final class MetricTrack {

  private final String metric;
  private final SeriesForecaster forecaster;
  private final ForecastCalibration calibration;

  /**
   * @param view the workload's policy with this metric alone
   * @param sharedFits model choices and fits shared with replay runs of the same load
   */
  MetricTrack(
      WorkloadPolicy view,
      ScalingPolicy scaling,
      ForecastSettings settings,
      SharedFits sharedFits) {
    this.metric = view.metric().name();
    this.forecaster = new SeriesForecaster(settings, sharedFits);
    this.calibration = new ForecastCalibration(view, scaling);
  }

  /** The name of the metric this track forecasts. */
  String metric() {
    return metric;
  }

  SeriesForecaster forecaster() {
    return forecaster;
  }

  /** The same track under a new policy, seen through the same metric. */
  MetricTrack withPolicy(WorkloadPolicy view, ScalingPolicy scaling) {
    calibration.withPolicy(view, scaling);
    return this;
  }

  /**
   * Forecasts the metric (a due refit handed to {@code refits}) and calibrates the forecast.
   *
   * @param view the workload observed through this metric alone
   * @param shadow the replicas of the plain HPA run beside the workload; null when there is none
   */
  MetricForecast tick(
      Instant now,
      WorkloadObservation view,
      Duration lead,
      TargetRef target,
      RefitScheduler refits,
      ReplicaCounts shadow) {
    Forecast forecast = forecast(now, view.history(), target, refits);
    ForecastSummary summary = calibration.summarize(now, view, forecast, lead, shadow);
    return new MetricForecast(
        metric, forecast, summary, forecast == null ? null : calibration.status());
  }

  private Forecast forecast(
      Instant now, RegularSeries history, TargetRef target, RefitScheduler refits) {
    if (history.size() == 0) {
      return null;
    }
    if (forecaster.refitDue(now)) {
      SeriesForecaster refitted = forecaster;
      refits.submit(target, () -> refitted.refit(history, now));
    }
    return forecaster.forecast(history, now);
  }
}
