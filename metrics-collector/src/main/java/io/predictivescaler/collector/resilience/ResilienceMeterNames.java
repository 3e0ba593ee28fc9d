package io.predictivescaler.collector.resilience;

import io.github.resilience4j.micrometer.tagged.CircuitBreakerMetricNames;
import io.github.resilience4j.micrometer.tagged.RetryMetricNames;
import io.github.resilience4j.micrometer.tagged.TimeLimiterMetricNames;

/**
 * Resilience4j's meters renamed under the service's prefix: {@code resilience4j.circuitbreaker.*}
 * becomes {@code predictive.scaler.collector.circuitbreaker.*} (on {@code /metrics}: {@code
 * predictive_scaler_collector_circuitbreaker_state} and so on), tags unchanged.
 */
final class ResilienceMeterNames {

  static final String PREFIX = "predictive.scaler.collector.";

  private ResilienceMeterNames() {}

  static CircuitBreakerMetricNames circuitBreaker() {
    return CircuitBreakerMetricNames.custom()
        .callsMetricName(renamed(CircuitBreakerMetricNames.DEFAULT_CIRCUIT_BREAKER_CALLS))
        .notPermittedCallsMetricName(
            renamed(CircuitBreakerMetricNames.DEFAULT_CIRCUIT_BREAKER_NOT_PERMITTED_CALLS))
        .stateMetricName(renamed(CircuitBreakerMetricNames.DEFAULT_CIRCUIT_BREAKER_STATE))
        .bufferedCallsMetricName(
            renamed(CircuitBreakerMetricNames.DEFAULT_CIRCUIT_BREAKER_BUFFERED_CALLS))
        .slowCallsMetricName(renamed(CircuitBreakerMetricNames.DEFAULT_CIRCUIT_BREAKER_SLOW_CALLS))
        .failureRateMetricName(
            renamed(CircuitBreakerMetricNames.DEFAULT_CIRCUIT_BREAKER_FAILURE_RATE))
        .slowCallRateMetricName(
            renamed(CircuitBreakerMetricNames.DEFAULT_CIRCUIT_BREAKER_SLOW_CALL_RATE))
        .build();
  }

  static RetryMetricNames retry() {
    return RetryMetricNames.custom()
        .callsMetricName(renamed(RetryMetricNames.DEFAULT_RETRY_CALLS))
        .build();
  }

  static TimeLimiterMetricNames timeLimiter() {
    return TimeLimiterMetricNames.custom()
        .callsMetricName(renamed(TimeLimiterMetricNames.DEFAULT_TIME_LIMITER_CALLS))
        .build();
  }

  private static String renamed(String resilience4jName) {
    return PREFIX + resilience4jName.substring("resilience4j.".length());
  }
}
