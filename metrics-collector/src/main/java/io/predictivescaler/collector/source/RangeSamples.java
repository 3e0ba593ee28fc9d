package io.predictivescaler.collector.source;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Points of one series from a range query: {@code epochMillis[i]} / {@code values[i]}, ascending in
 * time. Missing points are simply absent.
 */
public record RangeSamples(long[] epochMillis, double[] values, List<String> warnings) {

  public RangeSamples {
    Objects.requireNonNull(epochMillis, "epochMillis");
    Objects.requireNonNull(values, "values");
    if (epochMillis.length != values.length) {
      throw new IllegalArgumentException(
          "epochMillis and values differ in length: "
              + epochMillis.length
              + " vs "
              + values.length);
    }
    warnings = List.copyOf(warnings);
  }

  public static RangeSamples empty(List<String> warnings) {
    return new RangeSamples(new long[0], new double[0], warnings);
  }

  public int size() {
    return values.length;
  }

  public Instant time(int index) {
    return Instant.ofEpochMilli(epochMillis[index]);
  }

  public double value(int index) {
    return values[index];
  }

  /** Concatenates chunks that are already in time order. */
  public static RangeSamples concat(List<RangeSamples> chunks) {
    int n = chunks.stream().mapToInt(RangeSamples::size).sum();
    long[] t = new long[n];
    double[] v = new double[n];
    int at = 0;
    for (RangeSamples c : chunks) {
      System.arraycopy(c.epochMillis, 0, t, at, c.size());
      System.arraycopy(c.values, 0, v, at, c.size());
      at += c.size();
    }
    return new RangeSamples(
        t, v, chunks.stream().flatMap(c -> c.warnings().stream()).distinct().toList());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RangeSamples other
        && Arrays.equals(epochMillis, other.epochMillis)
        && Arrays.equals(values, other.values)
        && warnings.equals(other.warnings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(epochMillis), Arrays.hashCode(values), warnings);
  }

  @Override
  public String toString() {
    return "RangeSamples[size=" + values.length + ", warnings=" + warnings + "]";
  }
}
