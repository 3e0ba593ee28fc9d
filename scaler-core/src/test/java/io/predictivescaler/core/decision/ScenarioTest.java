package io.predictivescaler.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every {@code scenarios/*.scenario} file tick by tick through the pipeline. */
class ScenarioTest {

  static Stream<Path> scenarios() throws IOException, URISyntaxException {
    Path dir =
        Path.of(Objects.requireNonNull(ScenarioTest.class.getResource("/scenarios")).toURI());
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.toString().endsWith(".scenario")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(7);
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void replaysTheScenario(Path file) throws IOException {
    Scenario scenario = Scenario.parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    DecisionPipeline pipeline = new DecisionPipeline();
    int replicas = scenario.replicas();
    DecisionState state = scenario.state();

    for (Scenario.Tick tick : scenario.ticks()) {
      List<MetricInput> metrics =
          List.of(TotalMetric.averageValue("load", scenario.target(), tick.load()));
      DecisionInput input =
          new DecisionInput(
              TestInputs.T0.plus(tick.at()),
              replicas,
              replicas,
              metrics,
              DecisionInput.forecastOf(metrics, tick.forecast()),
              scenario.policy(),
              state);
      Decision decision = pipeline.decide(input);
      String where = file.getFileName() + ":" + tick.line() + " " + decision.explanation();

      assertThat(decision.replicas()).as(where).isEqualTo(tick.expectedReplicas());
      assertThat(decision.reason().code()).as(where).isEqualTo(tick.expectedReason());

      replicas = decision.replicas();
      state = decision.nextState(true);
    }
  }
}
