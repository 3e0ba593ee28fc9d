package io.predictivescaler.collector.window;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Fixed-step ring buffer of {@code float} samples for one series.
 *
 * <p>Slots are aligned to step boundaries ({@code slot = floor(epochMillis / stepMillis)}); a slot
 * holds the last accepted sample that fell into it, or {@code NaN} for a gap. When time jumps over
 * slots they become gaps. Appending is O(1) and allocation-free; the common cases (same slot, next
 * slot) need no division.
 *
 * <p>Not thread-safe: confine each window to one thread (the collector keeps it on its event loop).
 * Pure: the caller passes {@code now}; nothing here reads a clock.
 */
public final class RollingWindow {

  /** The service's window: 24 h of history. */
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

  /** Extra history the forecaster's features look back over the 24 h window. */
  public static final Duration DEFAULT_FEATURE_LOOKBACK = Duration.ofHours(2);

  /** Default retention: window plus feature lookback (26 h). */
  public static final Duration DEFAULT_RETENTION = DEFAULT_WINDOW.plus(DEFAULT_FEATURE_LOOKBACK);

  private static final long EMPTY = Long.MIN_VALUE;

  private final Duration step;
  private final long stepMillis;
  private final float[] ring;
  private final int capacity;

  private long newestSlot = EMPTY;
  private long newestStartMillis;
  private int head;
  private int count;

  /**
   * @param step slot width, a whole number of milliseconds
   * @param retention how much history to keep; rounded up to a whole number of steps
   */
  public RollingWindow(Duration step, Duration retention) {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(retention, "retention");
    if (step.isNegative() || step.isZero() || step.toNanos() % 1_000_000 != 0) {
      throw new IllegalArgumentException("step must be a positive whole number of ms, got " + step);
    }
    if (retention.compareTo(step) < 0) {
      throw new IllegalArgumentException(
          "retention must be >= step (" + step + "), got " + retention);
    }
    this.step = step;
    this.stepMillis = step.toMillis();
    long slots = (retention.toMillis() + stepMillis - 1) / stepMillis;
    if (slots > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "retention / step must fit an array, got " + slots + " slots");
    }
    this.capacity = (int) slots;
    this.ring = new float[capacity];
    Arrays.fill(ring, Float.NaN);
  }

  /** Window with {@link #DEFAULT_RETENTION}. */
  public static RollingWindow withDefaultRetention(Duration step) {
    return new RollingWindow(step, DEFAULT_RETENTION);
  }

  public AppendOutcome append(Instant sampleTime, double value, Instant now) {
    return append(sampleTime.toEpochMilli(), value, now.toEpochMilli());
  }

  /** Hot-path form of {@link #append(Instant, double, Instant)}. */
  public AppendOutcome append(long sampleEpochMillis, double value, long nowEpochMillis) {
    AppendOutcome invalid = validate(sampleEpochMillis, value, nowEpochMillis);
    if (invalid != null) {
      return invalid;
    }
    if (newestSlot == EMPTY) {
      startAt(Math.floorDiv(sampleEpochMillis, stepMillis));
      ring[head] = (float) value;
      return AppendOutcome.ACCEPTED;
    }
    long sinceNewest = sampleEpochMillis - newestStartMillis;
    if (sinceNewest < 0) {
      return AppendOutcome.REJECTED_OUT_OF_ORDER;
    }
    if (sinceNewest >= stepMillis) {
      long slot =
          sinceNewest < 2 * stepMillis
              ? newestSlot + 1
              : Math.floorDiv(sampleEpochMillis, stepMillis);
      advanceTo(slot);
    }
    ring[head] = (float) value;
    return AppendOutcome.ACCEPTED;
  }

  /**
   * Records that the slot containing {@code slotTime} has no sample. Slots skipped on the way
   * become gaps too. Marking the newest slot again leaves its value alone.
   */
  public AppendOutcome markGap(Instant slotTime, Instant now) {
    long t = slotTime.toEpochMilli();
    if (t - now.toEpochMilli() > stepMillis) {
      return AppendOutcome.REJECTED_FUTURE;
    }
    long slot = Math.floorDiv(t, stepMillis);
    if (newestSlot == EMPTY) {
      startAt(slot);
      ring[head] = Float.NaN;
    } else if (slot < newestSlot) {
      return AppendOutcome.REJECTED_OUT_OF_ORDER;
    } else if (slot > newestSlot) {
      advanceTo(slot);
      ring[head] = Float.NaN;
    }
    return AppendOutcome.ACCEPTED;
  }

  /**
   * Writes a historical sample (from {@code query_range}). Beyond the newest slot it behaves like
   * {@link #append}; inside the retained range it fills a gap but never overwrites a value.
   */
  public AppendOutcome backfill(Instant sampleTime, double value, Instant now) {
    long t = sampleTime.toEpochMilli();
    AppendOutcome invalid = validate(t, value, now.toEpochMilli());
    if (invalid != null) {
      return invalid;
    }
    long slot = Math.floorDiv(t, stepMillis);
    if (newestSlot == EMPTY || slot >= newestSlot) {
      return append(t, value, now.toEpochMilli());
    }
    long back = newestSlot - slot;
    if (back >= capacity) {
      return AppendOutcome.REJECTED_TOO_OLD;
    }
    int index = indexBack((int) back);
    if (back >= count) {
      for (long b = count; b < back; b++) {
        ring[indexBack((int) b)] = Float.NaN;
      }
      count = (int) back + 1;
    } else if (!Float.isNaN(ring[index])) {
      return AppendOutcome.REJECTED_SLOT_FILLED;
    }
    ring[index] = (float) value;
    return AppendOutcome.ACCEPTED;
  }

  /**
   * Moves the retained slots to the wall clock after it stepped back: when the newest slot is not
   * before the one containing {@code nextSlotTime}, every slot is relabelled so that the newest
   * becomes the slot just before it. The samples keep the order and spacing they were taken in;
   * only their labels move, so ages read against the new clock are real ages again. Returns how far
   * the labels moved, zero when the window is empty or already before {@code nextSlotTime}.
   */
  public Duration restampBefore(Instant nextSlotTime) {
    long next = Math.floorDiv(nextSlotTime.toEpochMilli(), stepMillis);
    if (newestSlot == EMPTY || newestSlot < next) {
      return Duration.ZERO;
    }
    long moved = newestSlot - (next - 1);
    newestSlot = next - 1;
    newestStartMillis = newestSlot * stepMillis;
    return Duration.ofMillis(Math.multiplyExact(moved, stepMillis));
  }

  /** All retained slots, oldest first; empty (start = epoch) before the first sample. */
  public WindowSnapshot snapshot() {
    return copyLast(count);
  }

  /** The retained slots from the one containing {@code from} to the newest; copies only those. */
  public WindowSnapshot snapshot(Instant from) {
    if (newestSlot == EMPTY) {
      return copyLast(0);
    }
    long fromSlot = Math.floorDiv(from.toEpochMilli(), stepMillis);
    long wanted = newestSlot - fromSlot + 1;
    return copyLast((int) Math.max(0, Math.min(count, wanted)));
  }

  /** Value of the newest slot; {@code NaN} when it is a gap or the window is empty. */
  public double latest() {
    return newestSlot == EMPTY ? Double.NaN : ring[head];
  }

  /** Start of the newest slot, empty before the first sample. */
  public Optional<Instant> newestSlotTime() {
    return newestSlot == EMPTY ? Optional.empty() : Optional.of(slotStart(newestSlot));
  }

  /** Value of the slot containing {@code time}; {@code NaN} outside the retained range or a gap. */
  public double valueAt(Instant time) {
    if (newestSlot == EMPTY) {
      return Double.NaN;
    }
    long back = newestSlot - Math.floorDiv(time.toEpochMilli(), stepMillis);
    return back < 0 || back >= count ? Double.NaN : ring[indexBack((int) back)];
  }

  /** Number of retained slots, gaps included. */
  public int size() {
    return count;
  }

  public int capacity() {
    return capacity;
  }

  public Duration step() {
    return step;
  }

  public Duration retention() {
    return step.multipliedBy(capacity);
  }

  private AppendOutcome validate(long sampleMillis, double value, long nowMillis) {
    if (Double.isNaN(value)) {
      return AppendOutcome.REJECTED_NAN;
    }
    if (Float.isInfinite((float) value)) {
      return AppendOutcome.REJECTED_INFINITE;
    }
    if (value < 0) {
      return AppendOutcome.REJECTED_NEGATIVE;
    }
    if (sampleMillis - nowMillis > stepMillis) {
      return AppendOutcome.REJECTED_FUTURE;
    }
    return null;
  }

  private void startAt(long slot) {
    newestSlot = slot;
    newestStartMillis = slot * stepMillis;
    head = 0;
    count = 1;
  }

  /** Moves the head to {@code slot} (> newest); skipped slots and the new one become NaN. */
  private void advanceTo(long slot) {
    long distance = slot - newestSlot;
    if (distance >= capacity) {
      Arrays.fill(ring, Float.NaN);
      head = (int) ((head + distance) % capacity);
      count = capacity;
    } else {
      int steps = (int) distance;
      for (int i = 0; i < steps; i++) {
        head = head + 1 == capacity ? 0 : head + 1;
        ring[head] = Float.NaN;
      }
      count = (int) Math.min(capacity, (long) count + steps);
    }
    newestSlot = slot;
    newestStartMillis = slot * stepMillis;
  }

  private int indexBack(int back) {
    int index = head - back;
    return index < 0 ? index + capacity : index;
  }

  private WindowSnapshot copyLast(int n) {
    float[] values = new float[n];
    if (n == 0) {
      return new WindowSnapshot(
          newestSlot == EMPTY ? Instant.EPOCH : slotStart(newestSlot + 1), step, values);
    }
    int first = indexBack(n - 1);
    int firstPart = Math.min(n, capacity - first);
    System.arraycopy(ring, first, values, 0, firstPart);
    System.arraycopy(ring, 0, values, firstPart, n - firstPart);
    return new WindowSnapshot(slotStart(newestSlot - n + 1), step, values);
  }

  private Instant slotStart(long slot) {
    return Instant.ofEpochMilli(slot * stepMillis);
  }
}
