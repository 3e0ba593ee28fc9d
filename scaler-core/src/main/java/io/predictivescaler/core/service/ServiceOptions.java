package io.predictivescaler.core.service;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line; every flag falls back to its environment variable (see the descriptions). */
@Command(
    name = "predictive-scaler",
    mixinStandardHelpOptions = true,
    description = "Scales Kubernetes workloads ahead of forecast load.",
    sortOptions = false)
final class ServiceOptions {

  @Option(
      names = "--prometheus-url",
      paramLabel = "URL",
      description =
          "Prometheus base URL (env PREDICTIVE_SCALER_PROMETHEUS_URL); unset = metrics-server only")
  String prometheusUrl;

  @Option(
      names = "--prometheus-bearer-token-file",
      paramLabel = "FILE",
      description =
          "bearer token file for Prometheus (env PREDICTIVE_SCALER_PROMETHEUS_BEARER_TOKEN_FILE)")
  String prometheusBearerTokenFile;

  @Option(
      names = "--prometheus-username",
      paramLabel = "USER",
      description = "basic-auth user for Prometheus (env PREDICTIVE_SCALER_PROMETHEUS_USERNAME)")
  String prometheusUsername;

  @Option(
      names = "--prometheus-password-file",
      paramLabel = "FILE",
      description = "basic-auth password file (env PREDICTIVE_SCALER_PROMETHEUS_PASSWORD_FILE)")
  String prometheusPasswordFile;

  @Option(
      names = "--prometheus-ca-file",
      paramLabel = "FILE",
      description = "PEM CA bundle for Prometheus (env PREDICTIVE_SCALER_PROMETHEUS_CA_FILE)")
  String prometheusCaFile;

  @Option(
      names = "--prometheus-trusted-namespaces",
      paramLabel = "NS[,NS...]",
      description =
          "namespaces whose policy ConfigMaps' PromQL runs as written; any other ConfigMap's"
              + " queries are confined to its namespace; default none"
              + " (env PREDICTIVE_SCALER_PROMETHEUS_TRUSTED_NAMESPACES)")
  String prometheusTrustedNamespaces;

  @Option(
      names = "--namespaces",
      paramLabel = "NS[,NS...]",
      description =
          "namespaces to watch, comma-separated; empty = all (env PREDICTIVE_SCALER_NAMESPACES)")
  String namespaces;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description = "ops HTTP port, default 8080 (env PREDICTIVE_SCALER_HTTP_PORT)")
  String httpPort;

  @Option(
      names = "--ops-auth",
      paramLabel = "kubernetes|none",
      description =
          "who may read /metrics and /api/v1: kubernetes = a bearer token the cluster accepts"
              + " (TokenReview) and allows (SubjectAccessReview, verb get on the path), the"
              + " default; none = anyone who reaches the port (env PREDICTIVE_SCALER_OPS_AUTH)."
              + " /healthz and /readyz are always open")
  String opsAuth;

  @Option(
      names = "--ops-bind-address",
      paramLabel = "IP",
      description =
          "IP address of the ops HTTP server, default 0.0.0.0 (all); 127.0.0.1 = this host only"
              + " (env PREDICTIVE_SCALER_OPS_BIND_ADDRESS)")
  String opsBindAddress;

  @Option(
      names = "--webhook-cert-dir",
      paramLabel = "DIR",
      description =
          "serve the validating admission webhook for policy ConfigMaps over HTTPS with DIR/tls.crt"
              + " and DIR/tls.key (re-read when they change); unset = no webhook"
              + " (env PREDICTIVE_SCALER_WEBHOOK_CERT_DIR)")
  String webhookCertDir;

  @Option(
      names = "--webhook-port",
      paramLabel = "PORT",
      description =
          "port of the admission webhook, default 9443; needs --webhook-cert-dir"
              + " (env PREDICTIVE_SCALER_WEBHOOK_PORT)")
  String webhookPort;

  @Option(
      names = "--log-format",
      paramLabel = "json|text",
      description =
          "log format; default json in a cluster, text elsewhere (env PREDICTIVE_SCALER_LOG_FORMAT)")
  String logFormat;

  @Option(
      names = "--log-level",
      paramLabel = "error|warn|info|debug|trace",
      description = "root log level, default info (env PREDICTIVE_SCALER_LOG_LEVEL)")
  String logLevel;

  @Option(
      names = "--kube-context",
      paramLabel = "NAME",
      description =
          "kubeconfig context to use outside a cluster; default the current context"
              + " (env PREDICTIVE_SCALER_KUBE_CONTEXT)")
  String kubeContext;

  @Option(
      names = "--lease-name",
      paramLabel = "NAME",
      description =
          "leader-election Lease, default predictive-scaler (env PREDICTIVE_SCALER_LEASE_NAME)")
  String leaseName;

  @Option(
      names = "--lease-namespace",
      paramLabel = "NS",
      description =
          "namespace of the Lease; default POD_NAMESPACE, else default (env PREDICTIVE_SCALER_LEASE_NAMESPACE)")
  String leaseNamespace;

  @Option(
      names = "--tick-workers",
      paramLabel = "N",
      description =
          "threads that run the workloads' ticks, each workload at most once at a time;"
              + " default 4 (env PREDICTIVE_SCALER_TICK_WORKERS)")
  String tickWorkers;

  @Option(
      names = "--tick-budget",
      paramLabel = "FRACTION",
      description =
          "fraction of its step a workload's tick may take to decide before that step is skipped"
              + " (TickDeadlineExceeded), above 0 and below 1; default 0.5"
              + " (env PREDICTIVE_SCALER_TICK_BUDGET)")
  String tickBudget;

  @Option(
      names = "--identity",
      paramLabel = "NAME",
      description = "this replica's identity on the Lease; default POD_NAME, else the host name")
  String identity;
}
