package io.predictivescaler.bench.sim;

import java.util.Arrays;

/**
 * The pods of the simulated workload as a stack of Ready ticks, oldest at the bottom.
 *
 * <p>Pods are asked for in tick order with one start-up delay, so the stack is sorted by Ready
 * tick. Scale-down removes the newest pods first, which removes starting pods before Ready ones (as
 * a ReplicaSet does) and keeps the longest-Ready pods.
 */
final class PodSet {

  private int[] readyAt = new int[64];
  private int size;
  private int ready;

  /** Adds {@code count} pods that become Ready at {@code readyTick}. */
  void add(int count, int readyTick) {
    if (size + count > readyAt.length) {
      readyAt = Arrays.copyOf(readyAt, Math.max(readyAt.length * 2, size + count));
    }
    Arrays.fill(readyAt, size, size + count, readyTick);
    size += count;
  }

  /** Removes the {@code count} newest pods. */
  void removeNewest(int count) {
    size -= count;
    ready = Math.min(ready, size);
  }

  /** Pods asked for and not removed, Ready or not. */
  int size() {
    return size;
  }

  /** Pods Ready at {@code tick}; ticks must not go backwards. */
  int readyAt(int tick) {
    while (ready < size && readyAt[ready] <= tick) {
      ready++;
    }
    return ready;
  }
}
