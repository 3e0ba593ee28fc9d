package io.predictivescaler.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

  @ParameterizedTest
  @CsvSource({
    "15s, PT15S",
    "10m, PT10M",
    "24h, PT24H",
    "1h30m, PT1H30M",
    "1.5h, PT1H30M",
    "500ms, PT0.5S",
    "-5m, PT-5M",
    "+2m, PT2M",
    "0, PT0S",
    "1m30s250ms, PT1M30.25S",
    "100us, PT0.0001S",
    "7ns, PT0.000000007S"
  })
  void parsesGoDurations(String text, String iso) {
    assertThat(GoDuration.parse(text)).contains(Duration.parse(iso));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "15", "15 s", "1d", "s", "1h-30m", "5M", "1h.m", "--5m", "1e3s"})
  void rejectsWhatIsNotAGoDuration(String text) {
    assertThat(GoDuration.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "PT15S, 15s",
    "PT10M, 10m",
    "PT24H, 24h",
    "PT1H30M, 1h30m",
    "PT0.5S, 500ms",
    "PT-5M, -5m",
    "PT0S, 0s",
    "PT1M0.5S, 1m0.5s",
    "PT48H0.000000001S, 48h0.000000001s"
  })
  void formatsCompactly(String iso, String text) {
    assertThat(GoDuration.format(Duration.parse(iso))).isEqualTo(text);
  }

  @Property(tries = 500)
  void formatThenParseIsIdentity(@ForAll @LongRange(min = -1L << 50, max = 1L << 50) long nanos) {
    Duration d = Duration.ofNanos(nanos);

    assertThat(GoDuration.parse(GoDuration.format(d))).contains(d);
  }
}
