package io.predictivescaler.core.opsauth;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bounded map whose entries live for a time to live: the least recently used entry makes room
 * when it is full. Time is a parameter of every call. An entry read at a time before it was stored
 * (the wall clock stepped back) counts as expired, so a clock step can shorten an entry's life but
 * never lengthen it. Thread-safe.
 *
 * @param <K> key
 * @param <V> value
 */
public final class ExpiringCache<K, V> {

  private record Entry<V>(V value, Instant storedAt, Instant expiresAt) {
    boolean isLiveAt(Instant now) {
      return !now.isBefore(storedAt) && now.isBefore(expiresAt);
    }
  }

  private final int maxEntries;
  private final Map<K, Entry<V>> entries;

  /**
   * @param maxEntries how many entries it holds at most, at least 1
   */
  public ExpiringCache(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
    }
    this.maxEntries = maxEntries;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
            return size() > ExpiringCache.this.maxEntries;
          }
        };
  }

  /** The value stored for {@code key} if it is still live at {@code now}. */
  public synchronized Optional<V> get(K key, Instant now) {
    Entry<V> entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!entry.isLiveAt(now)) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  /** Stores {@code value} from {@code now} for {@code ttl}, replacing what {@code key} held. */
  public synchronized void put(K key, V value, Duration ttl, Instant now) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, got " + ttl);
    }
    entries.put(key, new Entry<>(value, now, now.plus(ttl)));
  }

  /** Entries held, live or not yet found expired. */
  public synchronized int size() {
    return entries.size();
  }
}
