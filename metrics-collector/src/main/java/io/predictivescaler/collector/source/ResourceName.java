package io.predictivescaler.collector.source;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Resources metrics-server reports. CPU is in cores, memory in bytes. */
public enum ResourceName {
  CPU("cpu"),
  MEMORY("memory");

  private final String key;

  ResourceName(String key) {
    this.key = key;
  }

  /** The Kubernetes resource name ({@code cpu}, {@code memory}). */
  public String key() {
    return key;
  }

  public static ResourceName fromKey(String key) {
    for (ResourceName r : values()) {
      if (r.key.equals(key)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "resource must be one of "
            + Arrays.stream(values()).map(ResourceName::key).collect(Collectors.joining(", "))
            + ", got "
            + key);
  }
}
