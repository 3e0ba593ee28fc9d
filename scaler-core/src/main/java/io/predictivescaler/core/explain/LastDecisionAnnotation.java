package io.predictivescaler.core.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.predictivescaler.core.actuate.ActuationResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** The compact JSON kept in {@code predictive-scaler.io/last-decision} on the Deployment. */
public final class LastDecisionAnnotation {

  private static final ObjectMapper JSON = new ObjectMapper();

  private LastDecisionAnnotation() {}

  /**
   * {@code {"time":..,"from":..,"to":..,"reason":..,"forecastPeak":..,"model":..,"trusted":..,
   * "mode":..,"outcome":..}}; {@code to} is what the cluster runs after the decision.
   */
  public static String toJson(DecisionRecord decision, ActuationResult actuation) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("time", decision.time().toString());
    fields.put("from", decision.fromReplicas());
    fields.put("to", decision.toReplicas());
    fields.put("reason", decision.reasonCode());
    fields.put("forecastPeak", decision.forecastPeak());
    fields.put("model", decision.model());
    fields.put("trusted", decision.trusted());
    fields.put("mode", decision.mode().yamlName());
    fields.put("outcome", actuation.outcome().label());
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("serialising the last decision of " + decision.workload(), e);
    }
  }
}
