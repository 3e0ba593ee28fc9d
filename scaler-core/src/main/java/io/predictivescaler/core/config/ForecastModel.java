package io.predictivescaler.core.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * The forecasting model a workload uses; {@code auto} picks one per workload by rolling backtest.
 */
public enum ForecastModel {
  AUTO("auto"),
  LINEAR("linear"),
  TREE("tree"),
  XGBOOST("xgboost"),
  SEASONAL_NAIVE("seasonal-naive"),
  HOLT_WINTERS("holt-winters"),
  HOLT("holt"),
  LAST_VALUE("last-value");

  private final String yamlName;

  ForecastModel(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The value as written in policies.yaml. */
  public String yamlName() {
    return yamlName;
  }

  public static Optional<ForecastModel> fromYaml(String name) {
    return Arrays.stream(values()).filter(v -> v.yamlName.equals(name)).findFirst();
  }
}
