package io.predictivescaler.forecast;

import io.predictivescaler.forecast.feature.WeeklyHistory;
import io.predictivescaler.forecast.select.Selection;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Model choices and fits shared by forecasters that see the same series at the same times, such as
 * the runs of one replay sweep: they differ in how they scale, not in the load they forecast, so
 * the first to refit at a time does the work and the others take its result, which is what they
 * would have computed. Keyed by the settings, the time, the kept history's contents and the older
 * history's (the weekly store, by its hash), so a forecaster whose history differs fits on its own.
 * Results are immutable and safe to share between threads; they are kept for the life of this
 * object.
 */
public final class SharedFits {

  /** No sharing: every forecaster fits on its own (the service). */
  public static final SharedFits NONE = new SharedFits(false);

  private final boolean enabled;
  private final Map<Key, CompletableFuture<Object>> results = new ConcurrentHashMap<>();

  private SharedFits(boolean enabled) {
    this.enabled = enabled;
  }

  /** A fresh table, for forecasters known to see the same series. */
  public static SharedFits create() {
    return new SharedFits(true);
  }

  /** Results kept so far. */
  public int size() {
    return results.size();
  }

  Selection selection(
      ForecastSettings settings,
      Instant now,
      RegularSeries history,
      WeeklyHistory older,
      Supplier<Selection> select) {
    return shared(() -> Key.of(settings, now, history, older, "selection"), select);
  }

  FittedModel fit(
      ForecastSettings settings,
      Instant now,
      RegularSeries history,
      WeeklyHistory older,
      ModelKind kind,
      Supplier<FittedModel> fit) {
    return shared(() -> Key.of(settings, now, history, older, kind.name()), fit);
  }

  @SuppressWarnings("unchecked")
  private <T> T shared(Supplier<Key> keyOf, Supplier<T> compute) {
    if (!enabled) {
      return compute.get();
    }
    Key key = keyOf.get();
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> theirs = results.putIfAbsent(key, mine);
    if (theirs != null) {
      try {
        return (T) theirs.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw e;
      }
    }
    try {
      T value = compute.get();
      mine.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      results.remove(key, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  private record Key(
      ForecastSettings settings, Instant now, Fingerprint history, int older, String what) {
    static Key of(
        ForecastSettings settings,
        Instant now,
        RegularSeries history,
        WeeklyHistory older,
        String what) {
      return new Key(settings, now, Fingerprint.of(history), older.hashCode(), what);
    }
  }

  /** A series' place and contents in a few numbers: two independent hashes of its values. */
  private record Fingerprint(long start, long step, int size, int hash, long mix) {
    static Fingerprint of(RegularSeries s) {
      float[] v = s.values();
      long mix = 0xcbf29ce484222325L;
      for (float x : v) {
        mix = (mix ^ Float.floatToIntBits(x)) * 0x100000001b3L;
      }
      return new Fingerprint(
          s.start().getEpochSecond(), s.stepSeconds(), v.length, Arrays.hashCode(v), mix);
    }
  }
}
