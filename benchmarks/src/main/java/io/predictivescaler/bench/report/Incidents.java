package io.predictivescaler.bench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds a run's worst overload episodes for the report's incident charts: consecutive overloaded
 * ticks form an episode, episodes less than {@code mergeGap} ticks apart are merged, and the ones
 * with the most overloaded ticks come first (the earlier on a tie). Each gets a window of {@code
 * before} ticks before and {@code after} ticks after it, within the replay and at most {@code
 * maxWindow} ticks long: a longer episode is shown from its start, where the scaler first fell
 * behind.
 */
final class Incidents {

  private Incidents() {}

  /**
   * @param overloaded whether each tick was overloaded
   * @param count most incidents returned
   */
  static List<Incident> worst(
      boolean[] overloaded, int count, int mergeGap, int before, int after, int maxWindow) {
    List<int[]> episodes = new ArrayList<>();
    int i = 0;
    while (i < overloaded.length) {
      if (!overloaded[i]) {
        i++;
        continue;
      }
      int from = i;
      while (i < overloaded.length && overloaded[i]) {
        i++;
      }
      int[] last = episodes.isEmpty() ? null : episodes.get(episodes.size() - 1);
      if (last != null && from - last[1] - 1 < mergeGap) {
        last[1] = i - 1;
        last[2] += i - from;
      } else {
        episodes.add(new int[] {from, i - 1, i - from});
      }
    }
    int n = overloaded.length;
    return episodes.stream()
        .sorted(Comparator.<int[]>comparingInt(e -> e[2]).reversed().thenComparingInt(e -> e[0]))
        .limit(count)
        .map(
            e -> {
              int windowFrom = Math.max(0, e[0] - before);
              int windowTo = Math.min(n - 1, Math.min(e[1] + after, windowFrom + maxWindow - 1));
              return new Incident(e[0], e[1], e[2], windowFrom, windowTo);
            })
        .toList();
  }
}
