package io.predictivescaler.forecast.feature;

import io.predictivescaler.forecast.RegularSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The coarse long memory the weekly features read: means of the matured history over buckets of at
 * least 15 minutes (a whole number of series steps, aligned to the epoch), kept for longer than a
 * week while the history archive keeps a few days at the series step. Ten days of 15-minute buckets
 * are 961 floats (under 4 KiB). Immutable: {@link #merge} returns a new history, so a fitted model
 * keeps reading the one it was fitted with while the next refit builds its own.
 */
public final class WeeklyHistory {
  static final long MIN_BUCKET_SECONDS = 900;
  private static final WeeklyHistory EMPTY =
      new WeeklyHistory(MIN_BUCKET_SECONDS, 0, 0, new float[0]);

  private final long bucketSeconds;

  /** Bucket number ({@code floor(epochSecond / bucketSeconds)}) of {@code means[0]}. */
  private final long firstBucket;

  /** From a bucket's start to the mean time of the series points it averages. */
  private final double centreOffset;

  private final float[] means;

  private WeeklyHistory(long bucketSeconds, long firstBucket, double centreOffset, float[] means) {
    this.bucketSeconds = bucketSeconds;
    this.firstBucket = firstBucket;
    this.centreOffset = centreOffset;
    this.means = means;
  }

  /** A history that holds nothing yet: every read is NaN. */
  public static WeeklyHistory empty() {
    return EMPTY;
  }

  /**
   * This history with {@code matured} merged in, keeping the buckets of the last {@code retention}
   * (and one more) before the newest. Buckets that {@code matured} covers whole are recomputed from
   * it; a bucket it covers in part (its oldest) or only with gaps keeps the value already kept, if
   * any. A change of series step that changes the bucket width starts again from {@code matured}.
   */
  public WeeklyHistory merge(RegularSeries matured, Duration retention) {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention: must be positive, got " + retention);
    }
    if (matured.size() == 0) {
      return this;
    }
    long s = matured.stepSeconds();
    long bucket = s * ceilDiv(MIN_BUCKET_SECONDS, s);
    boolean keepOld = bucket == bucketSeconds && means.length > 0;
    long seriesStart = matured.start().getEpochSecond();
    long seriesFirst = Math.floorDiv(seriesStart, bucket);
    long newest = Math.floorDiv(matured.end().getEpochSecond(), bucket);
    long oldest = seriesFirst;
    if (keepOld) {
      newest = Math.max(newest, firstBucket + means.length - 1);
      oldest = Math.min(oldest, firstBucket);
    }
    oldest = Math.max(oldest, newest - ceilDiv(retention.getSeconds(), bucket));
    float[] out = new float[(int) (newest - oldest + 1)];
    Arrays.fill(out, Float.NaN);
    if (keepOld) {
      for (int k = 0; k < means.length; k++) {
        long b = firstBucket + k;
        if (b >= oldest && b <= newest) {
          out[(int) (b - oldest)] = means[k];
        }
      }
    }
    double[] sum = new double[out.length];
    int[] count = new int[out.length];
    float[] v = matured.values();
    for (int i = 0; i < v.length; i++) {
      long b = Math.floorDiv(seriesStart + i * s, bucket) - oldest;
      if (b >= 0 && b < out.length && !Float.isNaN(v[i])) {
        sum[(int) b] += v[i];
        count[(int) b]++;
      }
    }
    for (int k = 0; k < out.length; k++) {
      boolean straddlesStart = (oldest + k) * bucket < seriesStart;
      if (count[k] > 0 && !(straddlesStart && !Float.isNaN(out[k]))) {
        out[k] = (float) (sum[k] / count[k]);
      }
    }
    return new WeeklyHistory(bucket, oldest, (bucket - s) / 2.0, out);
  }

  /** Width of a bucket. */
  public Duration bucket() {
    return Duration.ofSeconds(bucketSeconds);
  }

  /** Buckets kept, gaps included. */
  public int size() {
    return means.length;
  }

  /** Start of the oldest kept bucket; null when empty. */
  public Instant oldest() {
    return means.length == 0 ? null : Instant.ofEpochSecond(firstBucket * bucketSeconds);
  }

  /** The value at {@code t}, interpolated between the two nearest buckets; NaN without both. */
  public double valueAt(Instant t) {
    return at(t.getEpochSecond());
  }

  /**
   * The value at {@code epochSecond}: linear between the mean times of the buckets on either side,
   * so it reads data at most one and a half buckets after {@code epochSecond}. NaN where either of
   * them is missing or a gap.
   */
  double at(long epochSecond) {
    if (means.length == 0) {
      return Double.NaN;
    }
    double pos = (epochSecond - centreOffset) / (double) bucketSeconds - firstBucket;
    int lo = (int) Math.floor(pos);
    double w = pos - lo;
    if (lo < 0 || lo >= means.length) {
      return Double.NaN;
    }
    double a = means[lo];
    if (w == 0) {
      return a;
    }
    if (lo + 1 >= means.length) {
      return Double.NaN;
    }
    return a + (means[lo + 1] - a) * w;
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeeklyHistory w
        && bucketSeconds == w.bucketSeconds
        && firstBucket == w.firstBucket
        && Double.compare(centreOffset, w.centreOffset) == 0
        && Arrays.equals(means, w.means);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hash(bucketSeconds, firstBucket, centreOffset) + Arrays.hashCode(means);
  }
}
