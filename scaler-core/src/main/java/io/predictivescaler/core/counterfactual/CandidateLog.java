package io.predictivescaler.core.counterfactual;

import java.util.Arrays;

/**
 * What a workload's own recent history looked like to its controller, bucket by bucket, for
 * counterfactual replays: the highest and the mean observed load and, per tracked quantile level,
 * the highest calibrated peak band of the bucket. Fixed memory: {@code buckets * (levels + 2)}
 * floats. Pure: time is the caller's.
 */
public final class CandidateLog {
  private final long bucketSeconds;
  private final int capacity;
  private final float[] load;
  private final float[] mean;
  private final short[] samples;
  private final float[][] bands;
  private long newestBucket = Long.MIN_VALUE;
  private int count;

  /**
   * @param bucketSeconds bucket width
   * @param capacity buckets kept (the replayable span is {@code capacity * bucketSeconds})
   * @param levels quantile levels recorded per bucket
   */
  public CandidateLog(long bucketSeconds, int capacity, int levels) {
    if (bucketSeconds < 1 || capacity < 2 || levels < 1) {
      throw new IllegalArgumentException(
          "bucketSeconds, capacity and levels must be positive, got "
              + bucketSeconds
              + ", "
              + capacity
              + ", "
              + levels);
    }
    this.bucketSeconds = bucketSeconds;
    this.capacity = capacity;
    this.load = new float[capacity];
    this.mean = new float[capacity];
    this.samples = new short[capacity];
    this.bands = new float[levels][capacity];
    Arrays.fill(load, Float.NaN);
    for (float[] b : bands) {
      Arrays.fill(b, Float.NaN);
    }
  }

  public long bucketSeconds() {
    return bucketSeconds;
  }

  public int levels() {
    return bands.length;
  }

  /** Buckets recorded and still kept, gaps included, up to the capacity. */
  public int size() {
    return count;
  }

  /**
   * Records one tick: the load it saw and its bands (NaN when it had none, e.g. while calibrating).
   */
  public void record(long epochSecond, double observedLoad, double[] levelBands) {
    long bucket = Math.floorDiv(epochSecond, bucketSeconds);
    if (newestBucket != Long.MIN_VALUE && bucket < newestBucket) {
      return;
    }
    if (newestBucket == Long.MIN_VALUE || bucket > newestBucket) {
      long gap = newestBucket == Long.MIN_VALUE ? 1 : Math.min(capacity, bucket - newestBucket);
      for (long b = bucket - gap + 1; b <= bucket; b++) {
        int slot = slot(b);
        load[slot] = Float.NaN;
        mean[slot] = Float.NaN;
        samples[slot] = 0;
        for (float[] band : bands) {
          band[slot] = Float.NaN;
        }
      }
      count = (int) Math.min(capacity, newestBucket == Long.MIN_VALUE ? 1 : count + gap);
      newestBucket = bucket;
    }
    int slot = slot(bucket);
    load[slot] = max(load[slot], observedLoad);
    if (!Double.isNaN(observedLoad) && samples[slot] < Short.MAX_VALUE) {
      int n = samples[slot];
      mean[slot] =
          n == 0 ? (float) observedLoad : (float) ((mean[slot] * n + observedLoad) / (n + 1));
      samples[slot]++;
    }
    for (int l = 0; l < bands.length; l++) {
      double v = levelBands == null || l >= levelBands.length ? Double.NaN : levelBands[l];
      bands[l][slot] = max(bands[l][slot], v);
    }
  }

  /** The kept loads, oldest first (a copy). */
  public float[] loads() {
    return ordered(load);
  }

  /** The kept mean loads per bucket, oldest first (a copy). */
  public float[] means() {
    return ordered(mean);
  }

  /** The kept bands of level {@code l}, oldest first (a copy). */
  public float[] bands(int l) {
    return ordered(bands[l]);
  }

  private float[] ordered(float[] ring) {
    float[] out = new float[count];
    for (int i = 0; i < count; i++) {
      out[i] = ring[slot(newestBucket - count + 1 + i)];
    }
    return out;
  }

  private int slot(long bucket) {
    return (int) Math.floorMod(bucket, (long) capacity);
  }

  private static float max(float current, double value) {
    if (Double.isNaN(value)) {
      return current;
    }
    return Float.isNaN(current) || value > current ? (float) value : current;
  }
}
