package io.predictivescaler.bench.trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link TraceLoader} changed to make a flawed file a regular trace ({@link
 * TraceFlaws#REPAIR}). Each count comes with the file line of its first row, 0 when the count is 0.
 *
 * @param reorderedRows rows whose timestamp is earlier than one on a line above them, moved into
 *     timestamp order
 * @param mergedRows rows folded into another row's point because both had the same timestamp in the
 *     file or after moving onto the grid; the point's value is the mean of its rows
 * @param snappedRows rows whose time from the first row was not a whole number of intervals, moved
 *     to the nearest point of that grid
 */
public record TraceRepairs(
    int reorderedRows,
    int firstReorderedLine,
    int mergedRows,
    int firstMergedLine,
    int snappedRows,
    int firstSnappedLine) {

  /** A file that needed no repair. */
  public static final TraceRepairs NONE = new TraceRepairs(0, 0, 0, 0, 0, 0);

  public TraceRepairs {
    requireConsistent("reorderedRows", reorderedRows, firstReorderedLine);
    requireConsistent("mergedRows", mergedRows, firstMergedLine);
    requireConsistent("snappedRows", snappedRows, firstSnappedLine);
  }

  /** Whether anything was repaired. */
  public boolean any() {
    return reorderedRows + mergedRows + snappedRows > 0;
  }

  /**
   * One line naming each repair, e.g. {@code 12 duplicate timestamps merged by mean (first at line
   * 2120); 3 rows moved onto the 300 s grid (first at line 47)}; empty when nothing was repaired.
   *
   * @param interval the trace's interval, the spacing of the grid
   */
  public String summary(Duration interval) {
    List<String> parts = new ArrayList<>();
    if (reorderedRows > 0) {
      parts.add(
          count(reorderedRows, "row")
              + " out of order sorted by timestamp"
              + firstAt(firstReorderedLine));
    }
    if (mergedRows > 0) {
      parts.add(
          count(mergedRows, "duplicate timestamp") + " merged by mean" + firstAt(firstMergedLine));
    }
    if (snappedRows > 0) {
      parts.add(
          count(snappedRows, "row")
              + " moved onto the "
              + interval.getSeconds()
              + " s grid"
              + firstAt(firstSnappedLine));
    }
    return String.join("; ", parts);
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String firstAt(int line) {
    return " (first at line " + line + ")";
  }

  private static void requireConsistent(String field, int rows, int firstLine) {
    if (rows < 0 || firstLine < 0 || (rows == 0) != (firstLine == 0)) {
      throw new IllegalArgumentException(
          field
              + " must be >= 0 with a first line > 0 exactly when it is > 0, got "
              + rows
              + " rows, first line "
              + firstLine);
    }
  }
}
