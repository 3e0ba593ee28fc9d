package io.predictivescaler.bench.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.predictivescaler.bench.sim.Decision;
import io.predictivescaler.bench.sim.ScalingStrategy;
import io.predictivescaler.bench.sim.TestScenarios;
import io.predictivescaler.core.config.RiskBudget;
import io.predictivescaler.forecast.SharedFits;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StrategyFactoryTest {

  private final StrategyContext context =
      StrategyContext.of(
          "x", TestScenarios.ofNeeds(1, 0, 1, 2, 3), 0.8, Duration.ofMinutes(10), 10);

  @Test
  void defaultsOfferTheRealStrategiesInReportOrder() {
    StrategyFactory factory = StrategyFactory.defaults();

    assertThat(factory.names()).containsExactlyElementsOf(StrategyFactory.KNOWN);
    assertThat(factory.create(StrategyFactory.HPA, context)).isInstanceOf(HpaStrategy.class);
    assertThat(factory.create(StrategyFactory.PREDICTIVE, context))
        .isInstanceOf(PredictiveStrategy.class);
    assertThat(factory.create(StrategyFactory.ORACLE, context)).isInstanceOf(OracleStrategy.class);
  }

  @Test
  void withAddsAProviderWithoutChangingTheOriginal() {
    StrategyFactory base = StrategyFactory.empty();
    ScalingStrategy constant = tick -> Decision.of(3, "Constant");

    StrategyFactory extended = base.with(StrategyFactory.HPA, ctx -> constant);

    assertThat(extended.create(StrategyFactory.HPA, context)).isSameAs(constant);
    assertThat(base.has(StrategyFactory.HPA)).isFalse();
  }

  @Test
  void unknownNameListsTheAvailableOnes() {
    StrategyFactory oracleOnly =
        StrategyFactory.empty().with(StrategyFactory.ORACLE, OracleStrategy::new);

    assertThatThrownBy(() -> oracleOnly.create("hpa", context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'hpa'")
        .hasMessageContaining("oracle");
  }

  @Test
  void aContextCopyChangesOnlyWhatItNames() {
    Optional<RiskBudget> budget = Optional.of(RiskBudget.share(0.001));

    StrategyContext copy = context.withReactiveUtilization(0.7).withRisk(budget);

    assertThat(context.reactiveUtilization()).isEqualTo(0.8);
    assertThat(context.risk()).isEmpty();
    assertThat(copy)
        .isEqualTo(
            new StrategyContext(
                "x",
                context.scenario(),
                0.8,
                Duration.ofMinutes(10),
                10,
                Optional.empty(),
                0.7,
                budget,
                SharedFits.NONE));
  }

  @Test
  void contextRejectsUtilizationOutsideZeroToOne() {
    assertThatThrownBy(
            () -> StrategyContext.of("x", context.scenario(), 1.2, Duration.ofMinutes(1), 10))
        .hasMessageContaining("1.2");
  }
}
