package io.predictivescaler.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicySettingsTest {

  @Test
  void showsEveryFieldAsAPolicyWritesItInDeclarationOrder() {
    Map<String, Object> yaml =
        PolicySettings.BUILT_IN
            .with(PolicyFields.RISK, RiskBudget.share(0.001))
            .with(PolicyFields.LEAD_TIME, Optional.of(Duration.ofMinutes(2)))
            .asYaml();

    assertThat(yaml.keySet())
        .containsExactlyElementsOf(PolicyFields.ALL.stream().map(PolicyField::name).toList());
    assertThat(yaml)
        .containsEntry("step", "15s")
        .containsEntry("mode", "dry-run")
        .containsEntry("model", "auto")
        .containsEntry("leadTime", "2m")
        .containsEntry("leadTimeFallback", "1m30s")
        .containsEntry("risk", "0.1%")
        .containsEntry("burst", Map.of("enabled", true, "factor", 2.0));
    @SuppressWarnings("unchecked")
    Map<String, Object> up =
        (Map<String, Object>) ((Map<String, Object>) yaml.get("behavior")).get("scaleUp");
    assertThat(up).containsEntry("selectPolicy", "Max");
    @SuppressWarnings("unchecked")
    List<Object> policies = (List<Object>) up.get("policies");
    assertThat(policies)
        .containsExactlyInAnyOrder(
            Map.of("type", "Pods", "value", 4, "periodSeconds", 15L),
            Map.of("type", "Percent", "value", 100, "periodSeconds", 15L));
  }

  @Test
  void refusesAValueOutsideItsFieldsBounds() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PolicySettings.BUILT_IN.with(PolicyFields.QUANTILE, 0.4))
        .withMessage("quantile: must be > 0.5 and < 1, got 0.4");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PolicySettings.BUILT_IN.with(PolicyFields.WINDOW, Duration.ofDays(20)))
        .withMessage("window: must be <= 336h, got 480h");
  }

  @Test
  void rulesBetweenFieldsAreCheckedByTheRecordsThatHoldAPolicy() {
    PolicySettings tooManySteps =
        PolicySettings.BUILT_IN
            .with(PolicyFields.STEP, Duration.ofSeconds(1))
            .with(PolicyFields.HORIZON, Duration.ofHours(4));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PolicyDocument(tooManySteps, List.of()))
        .withMessageStartingWith("horizon: must be <= 10m (600 steps of 1s;");
  }

  @Test
  void aForecastHoldLongerThanTheScaleDownWindowIsRefused() {
    PolicySettings longHold =
        PolicySettings.BUILT_IN.with(
            PolicyFields.FORECAST_HOLD, Optional.of(Duration.ofMinutes(6)));
    PolicySettings wholeWindow =
        PolicySettings.BUILT_IN.with(
            PolicyFields.FORECAST_HOLD, Optional.of(Duration.ofMinutes(5)));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PolicyDocument(longHold, List.of()))
        .withMessage(
            "forecastHold: must be <= behavior.scaleDown.stabilizationWindowSeconds (300s: the"
                + " window bounds every hold), got 6m");
    assertThat(new PolicyDocument(wholeWindow, List.of()).defaults().forecastHold())
        .contains(Duration.ofMinutes(5));
    assertThat(wholeWindow.asYaml()).containsEntry("forecastHold", "5m");
    assertThat(PolicySettings.BUILT_IN.asYaml()).containsEntry("forecastHold", "auto");
  }
}
