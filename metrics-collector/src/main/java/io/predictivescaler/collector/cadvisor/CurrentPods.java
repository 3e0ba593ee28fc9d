package io.predictivescaler.collector.cadvisor;

import io.predictivescaler.collector.source.ResourceQuery;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The names of the pods a scale target's label selector matches now. */
@FunctionalInterface
public interface CurrentPods {

  /** Knows no pods: the backfill finds the target's pods by their naming pattern alone. */
  CurrentPods NONE = target -> CompletableFuture.completedFuture(List.of());

  /** The target's current pods by name; fails when they cannot be listed. */
  CompletionStage<List<String>> names(ResourceQuery target);
}
