package io.predictivescaler.core.actuate;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a policy's decisions reach the cluster; the policy field {@code mode}. */
public enum ActuationMode {
  /** Write the Deployment's scale subresource. */
  SCALE("scale"),
  /** Change nothing; decisions are only recorded. */
  DRY_RUN("dry-run"),
  /** Raise and lower the minReplicas of the HPA that already scales the Deployment. */
  HPA_FLOOR("hpa-floor");

  private final String configName;

  ActuationMode(String configName) {
    this.configName = configName;
  }

  /** The spelling used in policies.yaml. */
  public String configName() {
    return configName;
  }

  /** Parses the policy spelling ({@code scale | dry-run | hpa-floor}). */
  public static ActuationMode fromConfig(String value) {
    for (ActuationMode mode : values()) {
      if (mode.configName.equals(value)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "unknown mode '"
            + value
            + "', expected one of "
            + Arrays.stream(values())
                .map(ActuationMode::configName)
                .collect(Collectors.joining(", ")));
  }
}
