package io.predictivescaler.collector.source;

import java.util.Objects;

/** A PromQL expression expected to yield one series (or a scalar). */
public record PromQlQuery(String expression) implements MetricQuery {

  public PromQlQuery {
    Objects.requireNonNull(expression, "expression");
    if (expression.isBlank()) {
      throw new IllegalArgumentException("expression must not be blank");
    }
  }

  @Override
  public String describe() {
    return expression;
  }
}
