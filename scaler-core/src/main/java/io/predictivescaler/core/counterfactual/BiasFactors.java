package io.predictivescaler.core.counterfactual;

import java.util.Locale;

/**
 * The correction {@link CounterfactualBias} applies to the light cluster model's figures: real over
 * modelled, for the forecast candidates (measured on the ones that ran) and for the HPA (measured
 * on the shadow HPA).
 *
 * @param measured false until an interval with a forecast candidate running was measured; the
 *     factors are then 1
 */
public record BiasFactors(
    boolean measured,
    double forecastOverload,
    double forecastCost,
    double hpaOverload,
    double hpaCost) {

  /** No correction. */
  public static final BiasFactors NONE = new BiasFactors(false, 1, 1, 1, 1);

  /** The correction, for explanations; empty until measured. */
  public String describe() {
    if (!measured) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "figures corrected by what ran: forecast overload x%.2f, cost x%.3f; HPA overload x%.2f,"
            + " cost x%.3f",
        forecastOverload,
        forecastCost,
        hpaOverload,
        hpaCost);
  }
}
