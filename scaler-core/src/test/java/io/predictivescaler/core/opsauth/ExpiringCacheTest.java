package io.predictivescaler.core.opsauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final Duration TTL = Duration.ofSeconds(30);

  @Test
  void keepsAnEntryUntilItsTimeToLiveHasPassed() {
    ExpiringCache<String, String> cache = new ExpiringCache<>(10);
    cache.put("a", "alice", TTL, T0);

    assertThat(cache.get("a", T0)).hasValue("alice");
    assertThat(cache.get("a", T0.plus(TTL).minusMillis(1))).hasValue("alice");
    assertThat(cache.get("a", T0.plus(TTL))).isEmpty();
    assertThat(cache.size()).isZero();
  }

  @Test
  void aClockSteppedBackBeforeTheStoreTimeExpiresTheEntry() {
    ExpiringCache<String, String> cache = new ExpiringCache<>(10);
    cache.put("a", "alice", TTL, T0);

    assertThat(cache.get("a", T0.minusSeconds(1))).isEmpty();
  }

  @Test
  void evictsTheLeastRecentlyUsedEntryWhenFull() {
    ExpiringCache<String, String> cache = new ExpiringCache<>(2);
    cache.put("a", "alice", TTL, T0);
    cache.put("b", "bob", TTL, T0);
    cache.get("a", T0);

    cache.put("c", "carol", TTL, T0);

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get("a", T0)).hasValue("alice");
    assertThat(cache.get("b", T0)).isEmpty();
    assertThat(cache.get("c", T0)).hasValue("carol");
  }

  @Test
  void aNewValueReplacesTheOldOneWithItsOwnTimeToLive() {
    ExpiringCache<String, String> cache = new ExpiringCache<>(10);
    cache.put("a", "alice", TTL, T0);

    cache.put("a", "anna", Duration.ofSeconds(5), T0.plusSeconds(1));

    assertThat(cache.get("a", T0.plusSeconds(5))).hasValue("anna");
    assertThat(cache.get("a", T0.plusSeconds(6))).isEmpty();
  }

  @Test
  void rejectsASizeBelowOneAndATimeToLiveThatIsNotPositive() {
    ExpiringCache<String, String> cache = new ExpiringCache<>(1);

    assertThatThrownBy(() -> new ExpiringCache<String, String>(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxEntries must be at least 1, got 0");
    assertThatThrownBy(() -> cache.put("a", "alice", Duration.ZERO, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ttl must be positive, got PT0S");
  }
}
