package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrategyValuesSchemaTest {

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "applicationArchitecture | soa | at '/applicationArchitecture': value must be one of 'microservices', 'monolith', 'serverless', 'hybrid'",
        "environment | prod | at '/environment': value must be one of",
        "clusterSize | huge | at '/clusterSize': value must be one of 'small', 'medium', 'large'",
        "workloadType | streaming | at '/workloadType': value must be one of",
        "cloudProvider | openstack | at '/cloudProvider': value must be one of 'aws', 'azure', 'gcp', 'on-premise', 'hybrid'",
        "scaling | reactive | at '/scaling': value must be one of 'manual', 'auto-scaling', 'predictive', 'event-driven'",
        "images.webService.tag | latest | at '/images/webService/tag'",
        "images.database.repository | postgres | at '/images/database/repository'",
        "predictive.mode | aggressive | at '/predictive/mode': value must be one of",
        "autoscaling.cpuUtilization | 150 | at '/autoscaling/cpuUtilization': maximum"
      })
  void rejectsBadValuesNamingTheField(String key, String value, String expected) {
    String error = ChartRenderer.renderError(ChartRenderer.STRATEGY, Map.of(key, value));

    assertThat(error).contains("values don't meet the specifications").contains(expected);
  }
}
