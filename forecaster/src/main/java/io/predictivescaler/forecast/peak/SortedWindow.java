package io.predictivescaler.forecast.peak;

import java.util.Arrays;

/**
 * The most recent {@code capacity} values, also kept in sorted order so that any quantile is one
 * array read. Adding is a binary search and one array shift: microseconds for a few thousand
 * values, with no allocation. Values are kept as whole multiples of {@link #UNIT} in two bytes
 * each, within {@code ±}{@link #LIMIT}: a calibrator holds two windows of thousands of scores per
 * workload, and five thousand workloads must fit one heap. Scores are in units of the load's
 * step-to-step volatility, so the rounding is far below anything a band can use. Not thread-safe.
 */
public final class SortedWindow {

  /** The resolution values are kept at. */
  public static final double UNIT = 1.0 / 128;

  /** The largest magnitude kept; values beyond are kept at it. */
  public static final double LIMIT = Short.MAX_VALUE * UNIT;

  private final short[] ring;
  private final short[] sorted;
  private int size;
  private int next;

  public SortedWindow(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.ring = new short[capacity];
    this.sorted = new short[capacity];
  }

  /** {@code value} as the window keeps it: to the nearest {@link #UNIT}, within {@link #LIMIT}. */
  public static double kept(double value) {
    return quantize(value) * UNIT;
  }

  public int size() {
    return size;
  }

  public int capacity() {
    return ring.length;
  }

  /** Adds {@code value}, dropping the oldest one when full. NaN is ignored. */
  public void add(double value) {
    if (Double.isNaN(value)) {
      return;
    }
    short v = quantize(value);
    if (size == ring.length) {
      remove(ring[next]);
    }
    insert(v);
    ring[next] = v;
    next = (next + 1) % ring.length;
  }

  /**
   * The {@code rank}-th smallest value, 1-based and clamped to [1, size]; NaN when empty. The
   * split-conformal quantile at level {@code 1 - alpha} is the {@code ceil((n + 1)(1 - alpha))}-th.
   */
  public double ranked(int rank) {
    if (size == 0) {
      return Double.NaN;
    }
    return sorted[Math.max(1, Math.min(size, rank)) - 1] * UNIT;
  }

  /** The conformal quantile at {@code level}: the {@code ceil((n + 1) level)}-th smallest. */
  public double conformal(double level) {
    return ranked((int) Math.ceil((size + 1) * level - 1e-9));
  }

  public double max() {
    return size == 0 ? Double.NaN : sorted[size - 1] * UNIT;
  }

  private void insert(short v) {
    int at = Arrays.binarySearch(sorted, 0, size, v);
    if (at < 0) {
      at = -at - 1;
    }
    System.arraycopy(sorted, at, sorted, at + 1, size - at);
    sorted[at] = v;
    size++;
  }

  private void remove(short v) {
    int at = Arrays.binarySearch(sorted, 0, size, v);
    if (at < 0) {
      throw new IllegalStateException("value " + v * UNIT + " not in the sorted window");
    }
    System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
    size--;
  }

  private static short quantize(double value) {
    return (short) Math.max(-Short.MAX_VALUE, Math.min(Short.MAX_VALUE, Math.round(value / UNIT)));
  }
}
