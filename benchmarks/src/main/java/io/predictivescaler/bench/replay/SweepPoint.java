package io.predictivescaler.bench.replay;

import io.predictivescaler.bench.sim.ReplayMetrics;

/**
 * One run of a {@code --sweep}.
 *
 * @param strategy the strategy's name
 * @param utilization the target utilization it ran at
 * @param metrics how it did
 */
public record SweepPoint(String strategy, double utilization, ReplayMetrics metrics) {}
