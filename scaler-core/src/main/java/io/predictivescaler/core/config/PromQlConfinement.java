package io.predictivescaler.core.config;

import io.predictivescaler.collector.prometheus.NamespaceMatcherInjector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rule that keeps a tenant from reading other namespaces' metrics with the scaler's
 * credentials: the PromQL of a policy whose ConfigMap is in namespace N runs with {@code
 * namespace="N"} added to every selector (by the Prometheus source, see {@link
 * NamespaceMatcherInjector}), unless N is trusted. This checks, when the document is read, that
 * each such query can be confined: a selector asking for another namespace is an error of the
 * document, reported with its field path, instead of a query that fails later.
 */
final class PromQlConfinement {

  private PromQlConfinement() {}

  /** One error per Prometheus query of {@code workloads} that cannot be confined to its source. */
  static List<ConfigError> check(
      ConfigMapRef source, List<WorkloadPolicy> workloads, Set<String> trustedNamespaces) {
    if (trustedNamespaces.contains(source.namespace())) {
      return List.of();
    }
    List<ConfigError> errors = new ArrayList<>();
    for (int i = 0; i < workloads.size(); i++) {
      List<MetricSpec> metrics = workloads.get(i).metrics();
      for (int j = 0; j < metrics.size(); j++) {
        if (metrics.get(j) instanceof PrometheusMetric metric) {
          // The policy does not keep which key listed a lone metric: one metric is reported at
          // metric, the usual way to write it.
          String field = metrics.size() == 1 ? "metric" : "metrics[" + j + "]";
          String path = "workloads[" + i + "]." + field + ".prometheus";
          problem(source, metric).ifPresent(p -> errors.add(new ConfigError(path, p)));
        }
      }
    }
    return errors;
  }

  private static Optional<String> problem(ConfigMapRef source, PrometheusMetric metric) {
    return NamespaceMatcherInjector.problem(metric.query(), source.namespace())
        .map(
            problem ->
                "cannot be confined to the ConfigMap's namespace ("
                    + source.namespace()
                    + "), which the scaler adds to every selector: "
                    + problem
                    + ", got "
                    + WorkloadReader.shorten(metric.query()));
  }
}
