package io.predictivescaler.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.predictivescaler.core.decision.Fallback;
import io.predictivescaler.core.schedule.CronExpression;
import io.predictivescaler.core.schedule.Schedule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How {@code schedules} and {@code fallback} resolve: inherited from defaults, a list replacing the
 * inherited list, a fallback merged field by field, {@code none} and {@code []} clearing them.
 */
class ScheduleAndFallbackParsingTest {

  @Test
  void aWorkloadInheritsTheDefaultsSchedulesAndFallback() throws IOException {
    WorkloadPolicy checkout = workload("checkout");

    assertThat(checkout.schedules())
        .containsExactly(
            new Schedule(
                "business-hours",
                CronExpression.parse("0 8 * * MON-FRI"),
                CronExpression.parse("0 18 * * MON-FRI"),
                ZoneId.of("Europe/Berlin"),
                3));
    assertThat(checkout.fallback()).contains(new Fallback(4, Duration.ofMinutes(10)));
  }

  @Test
  void aListReplacesTheInheritedOneAndAFallbackMergesFieldByField() throws IOException {
    WorkloadPolicy search = workload("search");

    assertThat(search.schedules())
        .extracting(Schedule::name, s -> s.zone().getId(), Schedule::minReplicas)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("black-friday", "UTC", 30),
            org.assertj.core.groups.Tuple.tuple("nightly-batch", "UTC", 6));
    assertThat(search.fallback()).contains(new Fallback(8, Duration.ofMinutes(10)));
  }

  @Test
  void anEmptyListAndNoneClearWhatTheDefaultsSet() throws IOException {
    WorkloadPolicy resizer = workload("image-resizer");

    assertThat(resizer.schedules()).isEmpty();
    assertThat(resizer.fallback()).isEmpty();
  }

  @Test
  void builtInHasNeither() {
    assertThat(PolicySettings.BUILT_IN.schedules()).isEmpty();
    assertThat(PolicySettings.BUILT_IN.fallback()).isEmpty();
  }

  @Test
  void statusShowsThemAsAPolicyWritesThem() throws IOException {
    Map<String, Object> yaml = workload("search").settings().asYaml();

    assertThat(yaml.get("fallback")).isEqualTo(Map.of("replicas", 8, "after", "10m"));
    assertThat(yaml.get("schedules"))
        .asList()
        .first()
        .isEqualTo(
            Map.of(
                "name", "black-friday",
                "start", "0 5 28 11 *",
                "end", "0 0 30 11 *",
                "timezone", "UTC",
                "minReplicas", 30));
    assertThat(workload("image-resizer").settings().asYaml())
        .containsEntry("fallback", "none")
        .containsEntry("schedules", List.of());
  }

  @Test
  void aPolicyBuiltInCodeRefusesAFloorOrFallbackAboveMaxReplicas() {
    Schedule big =
        new Schedule(
            "big",
            CronExpression.parse("0 8 * * *"),
            CronExpression.parse("0 9 * * *"),
            ZoneId.of("UTC"),
            12);
    PolicySettings withBig = PolicySettings.BUILT_IN.with(PolicyFields.SCHEDULES, List.of(big));
    PolicySettings withFallback =
        PolicySettings.BUILT_IN.with(
            PolicyFields.FALLBACK, Optional.of(new Fallback(12, Duration.ofMinutes(5))));
    TargetRef target = TargetRef.deployment("shop", "checkout");
    MetricSpec metric = new PrometheusMetric("up", 10);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> WorkloadPolicy.of(target, metric, 10, withBig))
        .withMessage("schedule big: minReplicas 12 must be <= maxReplicas 10");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WorkloadPolicy.of(target, metric, 10, withFallback))
        .withMessage("fallback replicas 12 must be <= maxReplicas 10");
  }

  @Test
  void aPolicyBuiltInCodeRefusesAFallbackBelowMinReplicas() {
    PolicySettings settings =
        PolicySettings.BUILT_IN
            .with(PolicyFields.MIN_REPLICAS, 3)
            .with(PolicyFields.FALLBACK, Optional.of(new Fallback(2, Duration.ofMinutes(5))));

    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                WorkloadPolicy.of(
                    TargetRef.deployment("shop", "checkout"),
                    new PrometheusMetric("up", 10),
                    10,
                    settings))
        .withMessage("fallback.replicas: must be >= minReplicas (3), got 2");
  }

  private static WorkloadPolicy workload(String name) throws IOException {
    ParseResult result = PolicyParser.parse(fixture("schedules.good.yaml"), "shop");
    assertThat(result.messages()).isEmpty();
    return result.document().orElseThrow().workloads().stream()
        .filter(w -> w.target().name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            ScheduleAndFallbackParsingTest.class.getResourceAsStream("/policies/" + name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
