package io.predictivescaler.collector.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Compares the ring buffer against a sorted map model over random time jumps. */
class RollingWindowRandomizedTest {

  @Test
  void matchesASimpleModelOverRandomAppendsAndGaps() {
    Random random = new Random(42);
    long step = 10_000;
    int capacity = 37;
    RollingWindow w =
        new RollingWindow(Duration.ofMillis(step), Duration.ofMillis(step * capacity));
    TreeMap<Long, Float> model = new TreeMap<>();
    long t = 1_700_000_000_000L;

    for (int i = 0; i < 5_000; i++) {
      t += (long) (random.nextDouble() * (random.nextInt(10) == 0 ? 60 : 2) * step);
      float v = random.nextInt(1000);
      w.append(Instant.ofEpochMilli(t), v, Instant.ofEpochMilli(t));
      model.put(Math.floorDiv(t, step), v);

      long newest = Math.floorDiv(t, step);
      WindowSnapshot s = w.snapshot();
      assertThat(s.end().toEpochMilli()).isEqualTo((newest + 1) * step);
      for (int k = 0; k < s.size(); k++) {
        long slot = newest - s.size() + 1 + k;
        Float expected = model.get(slot);
        assertThat(Float.valueOf(s.values()[k]))
            .isEqualTo(expected == null ? Float.valueOf(Float.NaN) : expected);
      }
    }
  }
}
