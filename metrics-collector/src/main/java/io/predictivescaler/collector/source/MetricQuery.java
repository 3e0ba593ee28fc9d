package io.predictivescaler.collector.source;

/** What to ask a {@link MetricSource} for; each source accepts the kinds it understands. */
public sealed interface MetricQuery permits PromQlQuery, ResourceQuery {

  /** A human-readable form for logs and error messages. */
  String describe();
}
