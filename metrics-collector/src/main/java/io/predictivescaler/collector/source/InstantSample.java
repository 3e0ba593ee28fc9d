package io.predictivescaler.collector.source;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One value at one time, or none ({@code present == false}: the source had no data, e.g. an empty
 * Prometheus vector or a stale series). {@code value} may be NaN or infinite as the source said;
 * the window decides what to keep. {@code warnings} are the source's own (Prometheus {@code
 * warnings}).
 */
public record InstantSample(Instant time, double value, boolean present, List<String> warnings) {

  public InstantSample {
    Objects.requireNonNull(time, "time");
    warnings = List.copyOf(warnings);
  }

  public static InstantSample of(Instant time, double value) {
    return new InstantSample(time, value, true, List.of());
  }

  public static InstantSample empty(Instant time, List<String> warnings) {
    return new InstantSample(time, Double.NaN, false, warnings);
  }
}
