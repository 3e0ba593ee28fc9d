package io.predictivescaler.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PromQlCheckTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "up",
        "sum(rate(http_requests_total{namespace=\"shop\",app=\"checkout\"}[1m]))",
        "sum by (app) (rate(x{path=~\"/api/(v1|v2)\"}[5m]))",
        "count(x{label='it\\'s ( fine'})",
        "max(y{a=`raw \\ ( string`})",
        "sum(x) # trailing ) comment\n + 1",
        "histogram_quantile(0.9, sum by (le) (rate(h_bucket[5m])))"
      })
  void acceptsWellFormedExpressions(String query) {
    assertThat(PromQlCheck.problem(query)).isEmpty();
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        arguments("sum(rate(x[1m])", "unclosed '(' at column 4"),
        arguments("sum(rate(x[1m]))))", "unexpected ')' at column 17"),
        arguments("sum(rate(x[1m)])", "'[' at column 11 closed by ')' at column 14"),
        arguments("x{a=\"b}", "unterminated string starting at column 5"),
        arguments("x{a='b\\'}", "unterminated string starting at column 5"),
        arguments("x{a=\"b\nc\"}", "unterminated string starting at column 5"),
        arguments("'", "unterminated string starting at column 1"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void reportsTheFirstProblem(String query, String problem) {
    assertThat(PromQlCheck.problem(query)).contains(problem);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n"})
  void rejectsBlank(String query) {
    assertThat(PromQlCheck.problem(query)).contains("is empty");
  }
}
