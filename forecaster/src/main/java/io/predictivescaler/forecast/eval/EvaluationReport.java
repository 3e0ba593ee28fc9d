package io.predictivescaler.forecast.eval;

import java.util.Map;

/**
 * Result of a rolling-origin evaluation of several models on one series.
 *
 * @param stepSeconds the series step
 * @param horizonSeconds the horizon scored (the forecast's last step)
 * @param origins forecast origins evaluated per model
 * @param originStride every how many steps an origin was taken
 * @param models score per model name, in the order asked for
 * @param noiseFloor the two-sided reference on the same scored points
 */
public record EvaluationReport(
    long stepSeconds,
    long horizonSeconds,
    int origins,
    int originStride,
    Map<String, ModelScore> models,
    NoiseFloor noiseFloor) {}
