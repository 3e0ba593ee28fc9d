package io.predictivescaler.collector.source;

import java.util.Objects;
import java.util.Optional;

/**
 * A PromQL expression expected to yield one series (or a scalar).
 *
 * @param expression the PromQL as its author wrote it
 * @param namespace the namespace of the policy that asks it: a source confines the query to it
 *     (unless it trusts that namespace); empty for the operator's own queries, run as written
 */
public record PromQlQuery(String expression, Optional<String> namespace) implements MetricQuery {

  public PromQlQuery {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(namespace, "namespace");
    if (expression.isBlank()) {
      throw new IllegalArgumentException("expression must not be blank");
    }
  }

  /** A query run as written. */
  public PromQlQuery(String expression) {
    this(expression, Optional.empty());
  }

  /** A tenant's query, to be confined to the namespace of the policy that asks it. */
  public static PromQlQuery inNamespace(String expression, String namespace) {
    return new PromQlQuery(expression, Optional.of(namespace));
  }

  @Override
  public String describe() {
    return namespace.map(ns -> expression + " (namespace " + ns + ")").orElse(expression);
  }
}
