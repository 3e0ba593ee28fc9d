package io.predictivescaler.forecast;

import io.predictivescaler.forecast.select.Selection;
import java.time.Duration;
import java.time.Instant;

/**
 * What one series' forecaster is doing, for {@code /api/v1/workloads} and logs.
 *
 * @param configured the configured model ({@code auto} or a fixed one)
 * @param modelInUse the model that produces forecasts now (after cold-start fallback), or null
 * @param fittedAt when it was fitted, or null
 * @param lastFitMillis wall time of the last fit
 * @param selection the last backtest (auto's scores), or null
 * @param trust the verdict of the last forecast
 * @param accuracy online accuracy over the recent period
 * @param history span of the matured history kept for training
 */
public record ForecasterStatus(
    ModelKind configured,
    String modelInUse,
    Instant fittedAt,
    double lastFitMillis,
    Selection selection,
    TrustVerdict trust,
    Accuracy accuracy,
    Duration history) {}
