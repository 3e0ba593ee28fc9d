package io.predictivescaler.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ForecastSettingsTest {
  private static final ForecastSettings D = ForecastSettings.defaults();

  @Test
  void defaultsMatchTheArchitecture() {
    assertThat(D.model()).isEqualTo(ModelKind.AUTO);
    assertThat(D.horizon()).isEqualTo(Duration.ofMinutes(10));
    assertThat(D.quantile()).isEqualTo(0.9);
    assertThat(D.season()).isEqualTo(Duration.ofDays(1));
    assertThat(D.refitInterval()).isEqualTo(Duration.ofHours(1));
  }

  static Stream<Arguments> bad() {
    return Stream.of(
        Arguments.of(
            (Supplier<?>) () -> D.withHorizon(Duration.ofMinutes(-5)),
            "horizon: must be > 0, got PT-5M"),
        Arguments.of(
            (Supplier<?>) () -> D.withQuantile(1.0), "quantile: must be in (0, 1), got 1.0"),
        Arguments.of(
            (Supplier<?>) () -> D.withModel("arima"), "model: must be one of auto | linear"),
        Arguments.of(
            (Supplier<?>) () -> D.withRefitInterval(Duration.ZERO),
            "refitInterval: must be > 0, got PT0S"),
        Arguments.of(
            (Supplier<?>) () -> D.withHorizon(Duration.ofDays(2)),
            "horizon: must be shorter than season"));
  }

  @ParameterizedTest
  @MethodSource("bad")
  void rejectsBadValuesNamingFieldAndValue(Supplier<?> build, String message) {
    assertThatThrownBy(build::get)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void parsesEveryConfigName() {
    for (ModelKind kind : ModelKind.values()) {
      assertThat(D.withModel(kind.configName()).model()).isEqualTo(kind);
    }
  }
}
