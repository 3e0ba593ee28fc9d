package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoliciesValuesSchemaTest {

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "namespaces[0].environment | prod | at '/namespaces/0/environment': value must be one of",
        "namespaces[0].name | Production | at '/namespaces/0/name'",
        "podSecurity.levels.production | baseline | at '/podSecurity/levels/production': value must be 'restricted'",
        "podSecurity.levels.staging | lenient | at '/podSecurity/levels/staging': value must be one of",
        "podSecurity.version | latest | at '/podSecurity/version'",
        "admissionPolicies.validationActions[0] | Block | at '/admissionPolicies/validationActions/0': value must be one of 'Deny', 'Warn', 'Audit'",
        "admissionPolicies.allowedRegistries[0] | docker.io | at '/admissionPolicies/allowedRegistries/0'"
      })
  void rejectsBadValuesNamingTheField(String key, String value, String expected) {
    String error = ChartRenderer.renderError(ChartRenderer.POLICIES, Map.of(key, value));

    assertThat(error).contains("values don't meet the specifications").contains(expected);
  }
}
