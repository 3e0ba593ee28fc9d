package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScalerValuesSchemaTest {

  /** The one open object: Helm's own globals, passed in when the chart is a dependency. */
  private static final String HELM_GLOBALS = "/properties/global";

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "logFormat | xml | at '/logFormat': value must be one of 'json', 'text'",
        "logLevel | verbose | at '/logLevel': value must be one of 'error', 'warn', 'info'",
        "tick.workers | 0 | at '/tick/workers': minimum",
        "tick.budget | 1 | at '/tick/budget'",
        "image.tag | latest | at '/image/tag'",
        "image.repository | predictive-scaler | at '/image/repository'",
        "replicaCount | 0 | at '/replicaCount': minimum",
        "httpPort | 80 | at '/httpPort': minimum",
        "prometheus.url | ftp://prometheus:9090 | at '/prometheus/url'",
        "namespaces[0] | Shop_Namespace | at '/namespaces/0'",
        "prometheus.trustedNamespaces[0] | Shop_Namespace | at '/prometheus/trustedNamespaces/0'",
        "service.type | ExternalName | at '/service/type': value must be one of",
        "resources.limits | null | at '/resources': missing property 'limits'",
        "probes.startup.failureThreshold | 0 | at '/probes/startup/failureThreshold': minimum",
        "rbac.extraScaleTargets[0].resource | rollouts/scale | at '/rbac/extraScaleTargets/0'",
        "networkPolicy.kubeletCidrs[0] | everywhere | at '/networkPolicy/kubeletCidrs/0'",
      })
  void rejectsBadValuesNamingTheField(String key, String value, String expected) {
    String error = ChartRenderer.renderError(ChartRenderer.SCALER, Map.of(key, value));

    assertThat(error).contains("values don't meet the specifications").contains(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "replicaCounts | at '': additional properties 'replicaCounts' not allowed",
        "prometheus.bearerToken.secret | at '/prometheus/bearerToken': additional properties"
            + " 'secret' not allowed",
        "networkPolicy.metricsScraper.podSelector.matchLabel.app | at"
            + " '/networkPolicy/metricsScraper/podSelector': additional properties 'matchLabel'"
            + " not allowed",
        "restoreHpaFloorsOnUninstall.resources.limits.gpu | at"
            + " '/restoreHpaFloorsOnUninstall/resources/limits': additional properties 'gpu' not"
            + " allowed",
        "probes.startup.timeout | at '/probes/startup': additional properties 'timeout' not"
            + " allowed",
      })
  void rejectsAnUnknownKeyAtTheTopAndInNestedObjects(String key, String expected) {
    String error = ChartRenderer.renderError(ChartRenderer.SCALER, Map.of(key, "1"));

    assertThat(error).contains("values don't meet the specifications").contains(expected);
  }

  @Test
  void everyObjectInTheSchemaIsClosedOrAStringMap() throws Exception {
    JsonNode schema =
        new ObjectMapper()
            .readTree(
                ChartRenderer.chart(ChartRenderer.SCALER).resolve("values.schema.json").toFile());

    List<String> open = new ArrayList<>();
    walk(schema, "", open);

    assertThat(open).as("objects without additionalProperties: false").isEmpty();
  }

  /**
   * Collects object schemas that accept unknown keys: an object must say additionalProperties
   * false, or be a map whose values have a schema (and no declared properties).
   */
  private static void walk(JsonNode node, String pointer, List<String> open) {
    if (node.isObject()) {
      boolean isObject = node.path("type").asText().equals("object") || node.has("properties");
      if (isObject && !pointer.equals(HELM_GLOBALS)) {
        JsonNode additional = node.get("additionalProperties");
        boolean closed = additional != null && additional.isBoolean() && !additional.asBoolean();
        boolean typedMap =
            additional != null
                && additional.isObject()
                && additional.has("type")
                && !node.has("properties");
        if (!closed && !typedMap) {
          open.add(pointer.isEmpty() ? "/" : pointer);
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        walk(field.getValue(), pointer + "/" + field.getKey(), open);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), pointer + "/" + i, open);
      }
    }
  }
}
