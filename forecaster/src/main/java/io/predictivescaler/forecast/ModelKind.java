package io.predictivescaler.forecast;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The models a policy can name in its {@code model} field. */
public enum ModelKind {
  AUTO("auto"),
  LINEAR("linear"),
  TREE("tree"),
  XGBOOST("xgboost"),
  SEASONAL_NAIVE("seasonal-naive"),
  HOLT_WINTERS("holt-winters"),
  HOLT("holt"),
  LAST_VALUE("last-value");

  private final String configName;

  ModelKind(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  public static ModelKind parse(String name) {
    for (ModelKind kind : values()) {
      if (kind.configName.equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "model: must be one of "
            + Arrays.stream(values()).map(ModelKind::configName).collect(Collectors.joining(" | "))
            + ", got '"
            + name
            + "'");
  }

  @Override
  public String toString() {
    return configName;
  }
}
