package io.predictivescaler.core.service;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The service's own settings (not the SREs' policies), read by {@link ServiceConfigParser} from
 * flags and environment variables. Optional values are null when not set.
 *
 * @param prometheusUrl Prometheus base URL, null when only metrics-server is used
 * @param prometheusBearerTokenFile file holding a bearer token for Prometheus
 * @param prometheusUsername basic-auth user for Prometheus
 * @param prometheusPasswordFile file holding the basic-auth password
 * @param prometheusCaFile PEM CA bundle to trust for Prometheus over HTTPS
 * @param prometheusTrustedNamespaces namespaces whose policy ConfigMaps' PromQL runs as written;
 *     the queries of every other ConfigMap are confined to its namespace
 * @param namespaces namespaces whose policy ConfigMaps are watched; empty means all
 * @param httpPort port of the ops HTTP server
 * @param opsAuth who may read the ops API's {@code /metrics} and {@code /api/v1/*}
 * @param opsBindAddress the IP address the ops HTTP server listens on
 * @param logFormat log line format
 * @param logLevel the root logger's level
 * @param kubeContext the kubeconfig context for the Kubernetes client; null: the current one
 * @param leaseName the leader-election Lease
 * @param leaseNamespace namespace of the Lease
 * @param identity this replica on the Lease (the pod name)
 * @param tick the tick workers and each workload's time budget
 * @param webhook the admission webhook's HTTPS listener; null when it is not served
 */
public record ServiceConfig(
    URI prometheusUrl,
    Path prometheusBearerTokenFile,
    String prometheusUsername,
    Path prometheusPasswordFile,
    Path prometheusCaFile,
    Set<String> prometheusTrustedNamespaces,
    List<String> namespaces,
    int httpPort,
    OpsAuthMode opsAuth,
    String opsBindAddress,
    LogFormat logFormat,
    LogLevel logLevel,
    String kubeContext,
    String leaseName,
    String leaseNamespace,
    String identity,
    TickSettings tick,
    WebhookSettings webhook) {

  public static final int DEFAULT_HTTP_PORT = 8080;
  public static final String DEFAULT_OPS_BIND_ADDRESS = "0.0.0.0";
  public static final String DEFAULT_LEASE_NAME = "predictive-scaler";

  public ServiceConfig {
    prometheusTrustedNamespaces = Set.copyOf(prometheusTrustedNamespaces);
    namespaces = List.copyOf(namespaces);
    Objects.requireNonNull(opsAuth, "opsAuth");
    Objects.requireNonNull(opsBindAddress, "opsBindAddress");
    Objects.requireNonNull(logFormat, "logFormat");
    Objects.requireNonNull(logLevel, "logLevel");
    Objects.requireNonNull(leaseName, "leaseName");
    Objects.requireNonNull(leaseNamespace, "leaseNamespace");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(tick, "tick");
  }

  /** True when policy metrics can come from Prometheus. */
  public boolean hasPrometheus() {
    return prometheusUrl != null;
  }

  /** True when the admission webhook is served. */
  public boolean servesWebhook() {
    return webhook != null;
  }

  /** True when every namespace is watched. */
  public boolean allNamespaces() {
    return namespaces.isEmpty();
  }

  /** Leader election with these lease settings and client-go's default timings. */
  public LeaderElectionSettings leaderElection() {
    return LeaderElectionSettings.defaults(leaseName, leaseNamespace, identity);
  }
}
