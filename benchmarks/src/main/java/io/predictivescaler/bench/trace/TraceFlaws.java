package io.predictivescaler.bench.trace;

/**
 * What {@link TraceLoader} does with rows out of order, duplicate timestamps and rows off the
 * trace's interval grid.
 */
public enum TraceFlaws {
  /** Sort, merge by mean and move onto the grid, counting each in {@link TraceRepairs}. */
  REPAIR,
  /** Reject the trace, naming the file and the first flawed line. */
  REJECT
}
