package io.predictivescaler.core.admission;

import java.util.List;
import java.util.Objects;

/**
 * The webhook's answer to one request: whether the write may go ahead, and if not why, with every
 * error on its own line; warnings are shown by {@code kubectl} either way.
 *
 * @param allowed whether the API server may store the object
 * @param message why not, empty when allowed
 * @param warnings consequences the writer should know of, e.g. a workload another ConfigMap owns
 */
public record AdmissionVerdict(boolean allowed, String message, List<String> warnings) {

  public AdmissionVerdict {
    Objects.requireNonNull(message, "message");
    warnings = List.copyOf(warnings);
    if (allowed != message.isEmpty()) {
      throw new IllegalArgumentException("a denial needs a message, an allowance has none");
    }
  }

  public static AdmissionVerdict allow() {
    return new AdmissionVerdict(true, "", List.of());
  }

  public static AdmissionVerdict allow(List<String> warnings) {
    return new AdmissionVerdict(true, "", warnings);
  }

  public static AdmissionVerdict deny(String message, List<String> warnings) {
    return new AdmissionVerdict(false, message, warnings);
  }
}
