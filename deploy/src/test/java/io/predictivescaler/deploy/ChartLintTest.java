package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChartLintTest {

  @ParameterizedTest
  @ValueSource(strings = {ChartRenderer.SCALER, ChartRenderer.STRATEGY, ChartRenderer.POLICIES})
  void passesStrictLint(String chart) {
    LintResult result = new Helm(ChartRenderer.chart(chart)).lint().strict().call();

    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    assertThat(result.getMessages())
        .noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
  }
}
