package io.predictivescaler.bench.replay;

import io.predictivescaler.bench.strategy.StrategyFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which strategies a {@code --sweep} runs, and the {@link SweepKnob} each one turns. Immutable;
 * {@link #with} returns a copy.
 */
public final class SweepKnobs {

  private final Map<String, SweepKnob> knobs;

  private SweepKnobs(Map<String, SweepKnob> knobs) {
    this.knobs = Collections.unmodifiableMap(knobs);
  }

  /** {@code hpa} on its target utilization, {@code predictive} on its risk budget. */
  public static SweepKnobs defaults() {
    return empty()
        .with(StrategyFactory.HPA, SweepKnob.utilizationOf(StrategyFactory.HPA))
        .with(StrategyFactory.PREDICTIVE, new RiskKnob());
  }

  public static SweepKnobs empty() {
    return new SweepKnobs(new LinkedHashMap<>());
  }

  /** A copy where {@code strategy} is swept on {@code knob} (replacing any earlier one). */
  public SweepKnobs with(String strategy, SweepKnob knob) {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(knob, "knob");
    Map<String, SweepKnob> copy = new LinkedHashMap<>(knobs);
    copy.put(strategy, knob);
    return new SweepKnobs(copy);
  }

  /** The swept strategies, in report order. */
  public Set<String> strategies() {
    return knobs.keySet();
  }

  public Optional<SweepKnob> knobOf(String strategy) {
    return Optional.ofNullable(knobs.get(strategy));
  }
}
