package io.predictivescaler.collector.prometheus;

/** One HTTP answer of Prometheus: its status and its whole (bounded) body. */
record PrometheusAnswer(int status, String body) {}
