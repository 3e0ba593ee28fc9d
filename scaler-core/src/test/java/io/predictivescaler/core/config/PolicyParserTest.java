package io.predictivescaler.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.core.decision.Behavior;
import io.predictivescaler.core.decision.Burst;
import io.predictivescaler.core.decision.HpaDefaults;
import io.predictivescaler.core.decision.RatePolicy;
import io.predictivescaler.core.decision.ScalingRules;
import io.predictivescaler.core.decision.SelectPolicy;
import io.predictivescaler.core.decision.Tolerance;
import io.predictivescaler.forecast.ModelKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** How documents resolve into policies; the fixtures test covers what is rejected. */
class PolicyParserTest {

  @Test
  void workloadWithOnlyRequiredFieldsGetsTheBuiltInDefaults() throws IOException {
    WorkloadPolicy checkout = only(parse("minimal.good.yaml", "shop"));

    assertThat(checkout.target()).isEqualTo(TargetRef.deployment("shop", "checkout"));
    assertThat(checkout.metric())
        .isEqualTo(
            new PrometheusMetric("sum(rate(http_requests_total{app=\"checkout\"}[1m]))", 120));
    assertThat(checkout.mode()).isEqualTo(ScalingMode.DRY_RUN);
    assertThat(checkout.minReplicas()).isEqualTo(1);
    assertThat(checkout.maxReplicas()).isEqualTo(40);
    assertThat(checkout.step()).isEqualTo(Duration.ofSeconds(15));
    assertThat(checkout.horizon()).isEqualTo(Duration.ofMinutes(10));
    assertThat(checkout.window()).isEqualTo(Duration.ofHours(24));
    assertThat(checkout.refit()).isEqualTo(Duration.ofHours(1));
    assertThat(checkout.model()).isEqualTo(ModelKind.AUTO);
    assertThat(checkout.quantile()).isEqualTo(0.9);
    assertThat(checkout.tolerance()).isEqualTo(new Tolerance(0.1, 0.1));
    assertThat(checkout.leadTime()).isEqualTo(LeadTime.auto(Duration.ofSeconds(90)));
    assertThat(checkout.behavior()).isEqualTo(Behavior.hpaDefaults());
    assertThat(checkout.burst()).isEqualTo(new Burst(true, 2.0));
  }

  @Test
  void builtInBehaviorIsTheHpaDefault() {
    ScalingRules up = PolicySettings.BUILT_IN.behavior().scaleUp();
    ScalingRules down = PolicySettings.BUILT_IN.behavior().scaleDown();

    assertThat(up.stabilizationWindow()).isZero();
    assertThat(up.selectPolicy()).isEqualTo(SelectPolicy.MAX);
    assertThat(up.policies())
        .containsExactlyInAnyOrder(
            RatePolicy.pods(4, Duration.ofSeconds(15)),
            RatePolicy.percent(100, Duration.ofSeconds(15)));
    assertThat(down.stabilizationWindow()).isEqualTo(Duration.ofSeconds(300));
    assertThat(down.policies()).containsExactly(RatePolicy.percent(100, Duration.ofSeconds(15)));
  }

  @Test
  void documentDefaultsApplyUnderWorkloadFields() throws IOException {
    PolicyDocument shop = parse("shop.good.yaml", "default");
    WorkloadPolicy checkout = shop.workloads().get(0);
    WorkloadPolicy cart = shop.workloads().get(1);
    WorkloadPolicy resizer = shop.workloads().get(2);

    assertThat(checkout.horizon()).isEqualTo(Duration.ofMinutes(15));
    assertThat(checkout.quantile()).isEqualTo(0.95);
    assertThat(checkout.mode()).isEqualTo(ScalingMode.SCALE);
    assertThat(checkout.minReplicas()).isEqualTo(2);
    assertThat(checkout.leadTime()).isEqualTo(LeadTime.fixed(Duration.ofMinutes(2)));
    assertThat(cart.minReplicas()).isEqualTo(3);
    assertThat(cart.model()).isEqualTo(ModelKind.HOLT_WINTERS);
    assertThat(cart.tolerance()).isEqualTo(new Tolerance(0.05, 0.2));
    assertThat(resizer.mode()).isEqualTo(ScalingMode.DRY_RUN);
    assertThat(resizer.metric()).isEqualTo(new ResourceMetric(ResourceName.CPU, 70));
    assertThat(resizer.burst()).isEqualTo(new Burst(false, 2.0));
  }

  @Test
  void behaviorFieldsLeftOutKeepTheirDefaults() throws IOException {
    PolicyDocument doc = parse("shop.good.yaml", "default");
    ScalingRules scaleDown = doc.workloads().get(0).behavior().scaleDown();

    assertThat(scaleDown.stabilizationWindow()).isEqualTo(Duration.ofMinutes(10));
    assertThat(scaleDown.selectPolicy()).isEqualTo(SelectPolicy.MAX);
    assertThat(scaleDown.policies()).containsExactly(RatePolicy.pods(2, Duration.ofMinutes(1)));
    assertThat(doc.workloads().get(0).behavior().scaleUp()).isEqualTo(HpaDefaults.scaleUpRules());
  }

  @Test
  void behaviorInDefaultsIsOverlaidFieldByFieldPerWorkload() throws IOException {
    PolicyDocument doc = parse("behavior.good.yaml", "default");
    ScalingRules frontendDown = doc.workloads().get(0).behavior().scaleDown();
    ScalingRules indexerDown = doc.workloads().get(1).behavior().scaleDown();

    assertThat(frontendDown.stabilizationWindow()).isEqualTo(Duration.ofMinutes(15));
    assertThat(frontendDown.selectPolicy()).isEqualTo(SelectPolicy.MIN);
    assertThat(frontendDown.policies()).hasSize(2);
    assertThat(indexerDown.stabilizationWindow()).isEqualTo(Duration.ofMinutes(15));
    assertThat(indexerDown.selectPolicy()).isEqualTo(SelectPolicy.DISABLED);
    assertThat(indexerDown.policies()).isEqualTo(HpaDefaults.scaleDownRules().policies());
  }

  @Test
  void autoLeadTimeUsesTheConfiguredFallback() throws IOException {
    PolicyDocument doc = parse("hpa-floor.good.yaml", "default");

    assertThat(doc.workloads())
        .allSatisfy(w -> assertThat(w.leadTime()).isEqualTo(LeadTime.auto(Duration.ofMinutes(2))));
    assertThat(doc.workloads())
        .allSatisfy(w -> assertThat(w.mode()).isEqualTo(ScalingMode.HPA_FLOOR));
  }

  @Test
  void forecastHoldIsAutoUnlessSetAndComesFromTheDefaults() throws IOException {
    PolicyDocument doc = parse("forecast-hold.good.yaml", "shop");
    PolicyDocument minimal = parse("minimal.good.yaml", "shop");

    assertThat(doc.workloads())
        .extracting(WorkloadPolicy::forecastHold)
        .containsExactly(
            Optional.of(Duration.ofMinutes(3)),
            Optional.empty(),
            Optional.of(Duration.ofMinutes(10)));
    assertThat(only(minimal).forecastHold()).isEmpty();
  }

  @Test
  void targetsWithoutNamespaceTakeTheGivenOne() throws IOException {
    WorkloadPolicy checkout = only(parse("minimal.good.yaml", "payments"));

    assertThat(checkout.target().namespace()).isEqualTo("payments");
  }

  @Test
  void documentWithoutWorkloadsIsValidAndEmpty() throws IOException {
    PolicyDocument doc = parse("no-workloads.good.yaml", "default");

    assertThat(doc.workloads()).isEmpty();
    assertThat(doc.defaults().horizon()).isEqualTo(Duration.ofMinutes(20));
  }

  @Test
  void reportsEveryErrorNotJustTheFirst() {
    String yaml =
        """
        workloads:
          - target: {name: a}
            metric: {resource: cpu}
            targetUtilization: 0
            maxReplicas: 2
            horizon: 0s
            quantile: 2
        """;

    ParseResult result = PolicyParser.parse(yaml);

    assertThat(result.messages())
        .containsExactly(
            "workloads[0].targetUtilization: must be >= 1 (percent of requests, like 80), got 0",
            "workloads[0].horizon: must be > 0, got 0s",
            "workloads[0].quantile: must be > 0.5 and < 1, got 2");
  }

  @Property(tries = 300)
  void neverThrowsOnACorruptedDocument(
      @ForAll @IntRange(min = 0, max = 4000) int cut, @ForAll @IntRange(min = 0, max = 60) int len)
      throws IOException {
    String good = read("shop.good.yaml");
    int from = Math.min(cut, good.length());
    String corrupted =
        good.substring(0, from) + good.substring(Math.min(good.length(), from + len));

    ParseResult result = PolicyParser.parse(corrupted);

    assertThat(result.isValid()).isEqualTo(result.errors().isEmpty());
  }

  @Property(tries = 300)
  void neverThrowsOnArbitraryText(@ForAll String text) {
    ParseResult result = PolicyParser.parse(text);

    assertThat(result.document().isPresent()).isNotEqualTo(!result.errors().isEmpty());
  }

  private static WorkloadPolicy only(PolicyDocument doc) {
    assertThat(doc.workloads()).hasSize(1);
    return doc.workloads().get(0);
  }

  private static PolicyDocument parse(String fixture, String namespace) throws IOException {
    ParseResult result = PolicyParser.parse(read(fixture), namespace);
    assertThat(result.messages()).isEmpty();
    return result.document().orElseThrow();
  }

  private static String read(String fixture) throws IOException {
    try (InputStream in = PolicyParserTest.class.getResourceAsStream("/policies/" + fixture)) {
      return new String(Objects.requireNonNull(in, fixture).readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
