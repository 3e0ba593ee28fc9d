package io.predictivescaler.core.decision;

/** Whether a forecast may drive scaling. */
public enum ForecastStatus {
  /** Accurate enough recently: the pipeline combines it with the reactive signal. */
  TRUSTED,
  /** It lost to the baselines or failed a check: reactive only. */
  UNTRUSTED,
  /** Too little history to fit a model yet: reactive only. */
  INSUFFICIENT_HISTORY
}
