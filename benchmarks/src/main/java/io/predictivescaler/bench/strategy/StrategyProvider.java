package io.predictivescaler.bench.strategy;

import io.predictivescaler.bench.sim.ScalingStrategy;

/** Builds a fresh strategy for one replay; registered by name in a {@link StrategyFactory}. */
@FunctionalInterface
public interface StrategyProvider {

  ScalingStrategy create(StrategyContext context);
}
