package io.predictivescaler.core.config;

import io.predictivescaler.core.decision.Behavior;
import io.predictivescaler.core.decision.Burst;
import io.predictivescaler.core.decision.Fallback;
import io.predictivescaler.core.decision.Tolerance;
import io.predictivescaler.core.schedule.Schedule;
import io.predictivescaler.forecast.ModelKind;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A value for every field in {@link PolicyFields#ALL}: a document's resolved {@code defaults}, or
 * the defaultable part of one {@link WorkloadPolicy}. Immutable. Each value is within its field's
 * bounds; the rules between fields ({@link PolicyRules}) are checked by the records that hold a
 * complete policy, so that settings can be changed one field at a time.
 *
 * <pre>{@code
 * PolicySettings s = PolicySettings.BUILT_IN
 *     .with(PolicyFields.MODE, ScalingMode.SCALE)
 *     .with(PolicyFields.STEP, Duration.ofSeconds(30));
 * }</pre>
 */
public final class PolicySettings {

  /** Every field at its built-in default: what a document that says nothing gets. */
  public static final PolicySettings BUILT_IN =
      new PolicySettings(
          PolicyFields.ALL.stream()
              .collect(
                  Collectors.toMap(f -> f, PolicyField::builtIn, (a, b) -> a, LinkedHashMap::new)));

  private final Map<PolicyField<?>, Object> values;

  private PolicySettings(Map<PolicyField<?>, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  public <T> T get(PolicyField<T> field) {
    Object value = values.get(field);
    if (value == null) {
      throw new IllegalArgumentException("not a declared policy field: " + field);
    }
    @SuppressWarnings("unchecked")
    T typed = (T) value;
    return typed;
  }

  /**
   * These settings with one field changed.
   *
   * @throws IllegalArgumentException when the value is outside the field's bounds
   */
  public <T> PolicySettings with(PolicyField<T> field, T value) {
    if (!values.containsKey(field)) {
      throw new IllegalArgumentException("not a declared policy field: " + field);
    }
    Map<PolicyField<?>, Object> copy = new LinkedHashMap<>(values);
    copy.put(field, field.checked(value));
    return new PolicySettings(copy);
  }

  /** These settings with {@code leadTime} and, when it is {@code auto}, its fallback. */
  public PolicySettings withLeadTime(LeadTime lead) {
    if (lead.auto()) {
      return with(PolicyFields.LEAD_TIME, Optional.<Duration>empty())
          .with(PolicyFields.LEAD_TIME_FALLBACK, lead.duration());
    }
    return with(PolicyFields.LEAD_TIME, Optional.of(lead.duration()));
  }

  /** Every field as a policy would write it, in declaration order, for status output. */
  public Map<String, Object> asYaml() {
    Map<String, Object> out = new LinkedHashMap<>();
    PolicyFields.ALL.forEach(f -> out.put(f.name(), yamlOf(f)));
    return out;
  }

  private <T> Object yamlOf(PolicyField<T> field) {
    return field.yaml(get(field));
  }

  public Duration step() {
    return get(PolicyFields.STEP);
  }

  public Duration horizon() {
    return get(PolicyFields.HORIZON);
  }

  public Duration window() {
    return get(PolicyFields.WINDOW);
  }

  public Duration refit() {
    return get(PolicyFields.REFIT);
  }

  public ModelKind model() {
    return get(PolicyFields.MODEL);
  }

  public double quantile() {
    return get(PolicyFields.QUANTILE);
  }

  public Tolerance tolerance() {
    return get(PolicyFields.TOLERANCE);
  }

  /** The configured lead time, or {@code auto} with the fallback used until one is measured. */
  public LeadTime leadTime() {
    return get(PolicyFields.LEAD_TIME)
        .map(LeadTime::fixed)
        .orElseGet(() -> LeadTime.auto(get(PolicyFields.LEAD_TIME_FALLBACK)));
  }

  public ScalingMode mode() {
    return get(PolicyFields.MODE);
  }

  public int minReplicas() {
    return get(PolicyFields.MIN_REPLICAS);
  }

  public Behavior behavior() {
    return get(PolicyFields.BEHAVIOR);
  }

  /** The configured forecast hold, or empty for {@code auto} (the lead window). */
  public Optional<Duration> forecastHold() {
    return get(PolicyFields.FORECAST_HOLD);
  }

  public Burst burst() {
    return get(PolicyFields.BURST);
  }

  public RiskBudget risk() {
    return get(PolicyFields.RISK);
  }

  public List<Schedule> schedules() {
    return get(PolicyFields.SCHEDULES);
  }

  public Optional<Fallback> fallback() {
    return get(PolicyFields.FALLBACK);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PolicySettings other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(values);
  }

  /** {@code {step=15s, horizon=10m, ...}}, each field as a policy would write it. */
  @Override
  public String toString() {
    return PolicyFields.ALL.stream()
        .map(f -> f.name() + "=" + yamlOf(f))
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
