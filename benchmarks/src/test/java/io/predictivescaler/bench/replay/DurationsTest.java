package io.predictivescaler.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void parsesUnitsAndCompounds() {
    assertThat(Durations.parse("15s")).isEqualTo(Duration.ofSeconds(15));
    assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("2d")).isEqualTo(Duration.ofDays(2));
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("PT15S")).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void rejectsWhatIsNotADuration() {
    for (String bad : new String[] {"", "15", "s", "15x", "1.5m", "-5s", "PTbad"}) {
      assertThatThrownBy(() -> Durations.parse(bad)).as(bad).hasMessageContaining("'" + bad + "'");
    }
  }

  @Test
  void formatsShortest() {
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(Durations.format(Duration.ofMinutes(10))).isEqualTo("10m");
    assertThat(Durations.format(Duration.ofHours(26))).isEqualTo("1d2h");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
  }
}
