package io.predictivescaler.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The strategy chart rendered once per covered combination, shared by the test classes. */
public final class StrategyRenders {

  private static final List<StrategyCombination> COVER = StrategyCover.pairwise();
  private static final Map<StrategyCombination, List<HasMetadata>> RENDERED =
      new ConcurrentHashMap<>();

  private StrategyRenders() {}

  public static Stream<StrategyCombination> cover() {
    return COVER.stream();
  }

  public static List<HasMetadata> of(StrategyCombination combination) {
    return RENDERED.computeIfAbsent(
        combination, c -> ChartRenderer.renderObjects(ChartRenderer.STRATEGY, c.chartValues()));
  }
}
