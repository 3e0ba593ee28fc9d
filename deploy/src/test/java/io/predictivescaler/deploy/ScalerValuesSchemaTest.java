package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScalerValuesSchemaTest {

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "logFormat | xml | at '/logFormat': value must be one of 'json', 'text'",
        "image.tag | latest | at '/image/tag'",
        "image.repository | predictive-scaler | at '/image/repository'",
        "replicaCount | 0 | at '/replicaCount': minimum",
        "httpPort | 80 | at '/httpPort': minimum",
        "prometheus.url | ftp://prometheus:9090 | at '/prometheus/url'",
        "namespaces[0] | Shop_Namespace | at '/namespaces/0'",
        "service.type | ExternalName | at '/service/type': value must be one of",
        "resources.limits | null | at '/resources': missing property 'limits'"
      })
  void rejectsBadValuesNamingTheField(String key, String value, String expected) {
    String error = ChartRenderer.renderError(ChartRenderer.SCALER, Map.of(key, value));

    assertThat(error).contains("values don't meet the specifications").contains(expected);
  }
}
