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
      if (workloads.get(i).metric() instanceof PrometheusMetric metric) {
        Optional<String> problem =
            NamespaceMatcherInjector.problem(metric.query(), source.namespace());
        if (problem.isPresent()) {
          errors.add(
              new ConfigError(
                  "workloads[" + i + "].metric.prometheus",
                  "cannot be confined to the ConfigMap's namespace ("
                      + source.namespace()
                      + "), which the scaler adds to every selector: "
                      + problem.get()
                      + ", got "
                      + WorkloadReader.shorten(metric.query())));
        }
      }
    }
    return errors;
  }
}
