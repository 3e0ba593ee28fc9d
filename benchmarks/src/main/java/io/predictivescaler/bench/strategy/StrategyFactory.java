package io.predictivescaler.bench.strategy;

import io.predictivescaler.bench.sim.ScalingStrategy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Maps a strategy name to the provider that builds it. Immutable; {@link #with} returns a copy.
 *
 * <p>{@link #KNOWN} are the names the {@code replay} command accepts. A known name without a
 * provider is skipped with a warning rather than faked.
 */
public final class StrategyFactory {

  public static final String HPA = "hpa";
  public static final String PREDICTIVE = "predictive";
  public static final String ORACLE = "oracle";

  /** Every name {@code replay --strategies} accepts, in report order. */
  public static final List<String> KNOWN = List.of(HPA, PREDICTIVE, ORACLE);

  /** Strategies a {@code --sweep} runs at each utilization. */
  public static final List<String> SWEPT = List.of(HPA, PREDICTIVE);

  private final Map<String, StrategyProvider> providers;

  private StrategyFactory(Map<String, StrategyProvider> providers) {
    this.providers = Collections.unmodifiableMap(providers);
  }

  /** The strategies available in this build. */
  public static StrategyFactory defaults() {
    return empty()
        .with(HPA, HpaStrategy::new)
        .with(PREDICTIVE, PredictiveStrategy::new)
        .with(ORACLE, OracleStrategy::new);
  }

  public static StrategyFactory empty() {
    return new StrategyFactory(new LinkedHashMap<>());
  }

  /** A copy with {@code name} mapped to {@code provider} (replacing any earlier one). */
  public StrategyFactory with(String name, StrategyProvider provider) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provider, "provider");
    Map<String, StrategyProvider> copy = new LinkedHashMap<>(providers);
    copy.put(name, provider);
    return new StrategyFactory(copy);
  }

  public boolean has(String name) {
    return providers.containsKey(name);
  }

  public Set<String> names() {
    return providers.keySet();
  }

  /**
   * @throws IllegalArgumentException when no provider is registered under {@code name}
   */
  public ScalingStrategy create(String name, StrategyContext context) {
    StrategyProvider provider = providers.get(name);
    if (provider == null) {
      throw new IllegalArgumentException(
          "no strategy named '" + name + "'; available: " + String.join(", ", names()));
    }
    return provider.create(context);
  }
}
