package io.predictivescaler.core.config;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The rules between two defaultable fields, declared once: the parser reports a broken rule at the
 * field that set it ({@link DefaultableFields}), and the records that hold a complete policy refuse
 * one ({@link #requireHeld}). Each field's own bounds are in its {@link PolicyField} declaration.
 */
final class PolicyRules {

  private static final String FORECAST_MEMORY = "forecast memory grows with (horizon/step)^2";
  private static final String WINDOW_MEMORY = "each sample is kept in memory";

  /**
   * Receives each rule; the messages say what field {@code a} or {@code b} must be. A name may
   * reach into a mapping ({@code fallback.replicas}); the rule is then about its top-level field.
   */
  @FunctionalInterface
  interface Sink {
    void rule(
        String a,
        String b,
        boolean holds,
        Supplier<String> messageForA,
        Supplier<String> messageForB);
  }

  private PolicyRules() {}

  static void check(PolicySettings d, Sink sink) {
    String step = GoDuration.format(d.step());
    String window = GoDuration.format(d.window());
    String horizon = GoDuration.format(d.horizon());
    String refit = GoDuration.format(d.refit());
    sink.rule(
        "step",
        "window",
        divides(d.step(), d.window()),
        () -> "must divide window (" + window + ") evenly, got " + step,
        () -> "must be a multiple of step (" + step + "), got " + window);
    sink.rule(
        "horizon",
        "window",
        d.horizon().compareTo(d.window()) <= 0,
        () -> "must be <= window (" + window + "), got " + horizon,
        () -> "must be >= horizon (" + horizon + "), got " + window);
    sink.rule(
        "horizon",
        "step",
        d.horizon().compareTo(d.step()) >= 0,
        () -> "must be >= step (" + step + "), got " + horizon,
        () -> "must be <= horizon (" + horizon + "), got " + step);
    sink.rule(
        "refit",
        "step",
        d.refit().compareTo(d.step()) >= 0,
        () -> "must be >= step (" + step + "), got " + refit,
        () -> "must be <= refit (" + refit + "), got " + step);
    boolean fixed = d.get(PolicyFields.LEAD_TIME).isPresent();
    String leadField = fixed ? "leadTime" : "leadTimeFallback";
    Duration lead = d.leadTime().duration();
    String leadText = GoDuration.format(lead);
    sink.rule(
        leadField,
        "horizon",
        lead.compareTo(d.horizon()) <= 0,
        () -> "must be <= horizon (" + horizon + "), got " + leadText,
        () -> "must be >= " + leadField + " (" + leadText + "), got " + horizon);
    d.forecastHold()
        .ifPresent(
            hold -> {
              Duration downWindow = d.behavior().scaleDown().stabilizationWindow();
              String holdText = GoDuration.format(hold);
              sink.rule(
                  "forecastHold",
                  "behavior.scaleDown.stabilizationWindowSeconds",
                  hold.compareTo(downWindow) <= 0,
                  () ->
                      "must be <= behavior.scaleDown.stabilizationWindowSeconds ("
                          + downWindow.toSeconds()
                          + "s: the window bounds every hold), got "
                          + holdText,
                  () ->
                      "must be >= forecastHold ("
                          + hold.toSeconds()
                          + "s), got "
                          + downWindow.toSeconds());
            });
    d.fallback()
        .ifPresent(
            fallback -> {
              int min = d.minReplicas();
              sink.rule(
                  "fallback.replicas",
                  "minReplicas",
                  fallback.replicas() >= min,
                  () -> "must be >= minReplicas (" + min + "), got " + fallback.replicas(),
                  () -> "must be <= fallback.replicas (" + fallback.replicas() + "), got " + min);
            });
    limit(
        sink,
        "horizon",
        d.horizon(),
        d.step(),
        PolicyLimits.MAX_FORECAST_STEPS,
        "steps",
        FORECAST_MEMORY);
    limit(
        sink,
        "window",
        d.window(),
        d.step(),
        PolicyLimits.MAX_WINDOW_SAMPLES,
        "samples",
        WINDOW_MEMORY);
  }

  /** Throws on the first broken rule: a programming error, since the parser reports them first. */
  static void requireHeld(PolicySettings d) {
    check(
        d,
        (a, b, holds, messageForA, messageForB) -> {
          if (!holds) {
            throw new IllegalArgumentException(a + ": " + messageForA.get());
          }
        });
  }

  static boolean isPositive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }

  static boolean divides(Duration step, Duration window) {
    return isPositive(step) && window.toNanos() % step.toNanos() == 0;
  }

  /** {@code span / step <= max}, reported at the span or, when only it is set here, the step. */
  private static void limit(
      Sink sink, String field, Duration span, Duration step, long max, String unit, String why) {
    String stepText = GoDuration.format(step);
    String spanText = GoDuration.format(span);
    sink.rule(
        field,
        "step",
        PolicyLimits.steps(span, step) <= max,
        () ->
            "must be <= "
                + GoDuration.format(step.multipliedBy(max))
                + " ("
                + max
                + " "
                + unit
                + " of "
                + stepText
                + "; "
                + why
                + "), got "
                + spanText,
        () ->
            "must be >= "
                + GoDuration.format(span.dividedBy(max))
                + " ("
                + field
                + " "
                + spanText
                + " / "
                + max
                + " "
                + unit
                + "; "
                + why
                + "), got "
                + stepText);
  }
}
