package io.predictivescaler.forecast;

/** Stable reason codes of a trust verdict, for logs, Events and the decision trace. */
public enum TrustCode {
  /** The forecast beats the best baseline by the required margin. */
  Trusted,
  /** Too little history to fit a model or to judge it. */
  InsufficientHistory,
  /** The forecast does no better than a baseline over the recent period. */
  ForecastUntrusted
}
