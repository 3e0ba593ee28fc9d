package io.predictivescaler.bench.trace;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Growable primitive columns of a trace's data rows, each with the file line it came from. */
final class TraceRows {
  long[] times = new long[1024];
  double[] values = new double[1024];
  int[] lines = new int[1024];
  int size;

  void add(long time, double value, int line) {
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      values = Arrays.copyOf(values, size * 2);
      lines = Arrays.copyOf(lines, size * 2);
    }
    times[size] = time;
    values[size] = value;
    lines[size++] = line;
  }

  long lastTime() {
    return times[size - 1];
  }

  /** The rows ordered by timestamp; rows with equal timestamps keep their file order. */
  TraceRows sortedByTime() {
    List<Integer> order = IntStream.range(0, size).boxed().toList();
    TraceRows sorted = new TraceRows();
    order.stream()
        .sorted((a, b) -> Long.compare(times[a], times[b]))
        .forEach(i -> sorted.add(times[i], values[i], lines[i]));
    return sorted;
  }

  /**
   * The most common positive spacing between consecutive rows, the smaller one on a tie; 0 when
   * every row has the same timestamp. Spacings of rows out of order are not counted.
   */
  long mostCommonSpacing() {
    Map<Long, Integer> counts = new HashMap<>();
    for (int i = 1; i < size; i++) {
      long spacing = times[i] - times[i - 1];
      if (spacing > 0) {
        counts.merge(spacing, 1, Integer::sum);
      }
    }
    long best = 0;
    int bestCount = 0;
    for (Map.Entry<Long, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best)) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }
}
