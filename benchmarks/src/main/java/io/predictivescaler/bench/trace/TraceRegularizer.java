package io.predictivescaler.bench.trace;

/**
 * Turns rows read in file order into rows on a regular grid: sorted by timestamp, one row per
 * timestamp (the mean of the rows that shared it), every timestamp a whole number of intervals
 * after the first. Gaps are left for {@link TraceLoader} to fill.
 */
final class TraceRegularizer {

  /**
   * @param rows strictly increasing, on the grid {@code rows.times[0] + k * interval}
   * @param interval the most common spacing after sorting and merging duplicates, in seconds
   */
  record Regularized(TraceRows rows, long interval, TraceRepairs repairs) {}

  private TraceRegularizer() {}

  /**
   * @param rows at least 2 rows, in file order
   * @throws TraceException when every row has the same timestamp
   */
  static Regularized regularize(String origin, TraceRows rows) {
    Count reordered = countOutOfOrder(rows);
    TraceRows sorted = reordered.rows > 0 ? rows.sortedByTime() : rows;
    // Zero spacings are skipped, so this is the most common spacing after merging duplicates.
    long interval = sorted.mostCommonSpacing();
    if (interval == 0) {
      throw new TraceException(
          origin
              + ": line "
              + sorted.lines[1]
              + ": all "
              + sorted.size
              + " data rows have the timestamp of line "
              + sorted.lines[0]
              + ", a trace needs at least 2 distinct timestamps");
    }
    Count snapped = new Count();
    Count merged = new Count();
    TraceRows regular = new TraceRows();
    long first = sorted.times[0];
    int rowsInPoint = 0;
    for (int i = 0; i < sorted.size; i++) {
      long time = nearestGridPoint(first, interval, sorted.times[i]);
      if (time != sorted.times[i]) {
        snapped.add(sorted.lines[i]);
      }
      // Snapping keeps the order, so rows for one point are always next to each other.
      if (regular.size > 0 && regular.lastTime() == time) {
        merged.add(sorted.lines[i]);
        regular.values[regular.size - 1] += sorted.values[i];
        rowsInPoint++;
        continue;
      }
      averageLastPoint(regular, rowsInPoint);
      regular.add(time, sorted.values[i], sorted.lines[i]);
      rowsInPoint = 1;
    }
    averageLastPoint(regular, rowsInPoint);
    TraceRepairs repairs =
        new TraceRepairs(
            reordered.rows,
            reordered.firstLine,
            merged.rows,
            merged.firstLine,
            snapped.rows,
            snapped.firstLine);
    return new Regularized(regular, interval, repairs);
  }

  /** Rows whose timestamp is earlier than one on a line above them. */
  private static Count countOutOfOrder(TraceRows rows) {
    Count outOfOrder = new Count();
    long latest = rows.times[0];
    for (int i = 1; i < rows.size; i++) {
      if (rows.times[i] < latest) {
        outOfOrder.add(rows.lines[i]);
      }
      latest = Math.max(latest, rows.times[i]);
    }
    return outOfOrder;
  }

  /** {@code first + k * interval} closest to {@code time}; the earlier one on a tie. */
  static long nearestGridPoint(long first, long interval, long time) {
    long offset = time - first;
    long below = offset - offset % interval;
    long above = below + interval;
    return first + (above - offset < offset - below ? above : below);
  }

  /** The last point holds the sum of its rows' values until it is complete. */
  private static void averageLastPoint(TraceRows rows, int rowsInPoint) {
    if (rowsInPoint > 1) {
      rows.values[rows.size - 1] /= rowsInPoint;
    }
  }

  /** How many rows had one repair, and the smallest file line among them. */
  private static final class Count {
    int rows;
    int firstLine;

    void add(int line) {
      rows++;
      firstLine = firstLine == 0 ? line : Math.min(firstLine, line);
    }
  }
}
