package io.predictivescaler.core.service;

import java.time.Instant;

/**
 * One step of "forecast vs actual": what was forecast for {@code time} one horizon earlier and what
 * was then observed. Any value may be null when it is not known (yet).
 */
public record ForecastPoint(Instant time, Double forecast, Double upper, Double actual) {}
