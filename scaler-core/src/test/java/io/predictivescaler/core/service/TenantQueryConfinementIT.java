package io.predictivescaler.core.service;

import static io.predictivescaler.core.service.ServiceHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.kube.MockApiServerShutdown;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, the confused deputy: a tenant's PromQL reaches Prometheus confined to its ConfigMap's
 * namespace, the trusted namespace's as written, and a query asking for another namespace is
 * rejected as an invalid policy before anything is asked. The service runs its own Prometheus
 * source against a recording HTTP server.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class TenantQueryConfinementIT {

  private static final String TENANT_QUERY = "sum(rate(http_requests_total{app=\"checkout\"}[1m]))";
  private static final String PLATFORM_QUERY =
      "sum(rate(http_requests_total{namespace=\"shop\",app=\"catalog\"}[1m]))";
  private static final String PROBING_QUERY = "sum(kube_secret_info{namespace=\"kube-system\"})";

  KubernetesClient client;
  KubernetesMockServer server;
  private RecordingPrometheus prometheus;
  private ServiceHarness harness;
  private ScalerService service;

  @BeforeEach
  void startTrustingOps() throws Exception {
    prometheus = new RecordingPrometheus();
    harness = new ServiceHarness(client, ServiceHarness.T0);
    service = harness.startAgainst(prometheus.url(), "--prometheus-trusted-namespaces", "ops");
    await().atMost(WAIT).until(() -> service.readiness().isReady());
  }

  @AfterEach
  void tearDown() {
    harness.close();
    prometheus.close();
    client.close();
    MockApiServerShutdown.shutDown(server);
  }

  @Test
  void aTenantsQueryReachesPrometheusConfinedToItsNamespace() {
    harness.policies("shop", "policies", "workloads:\n" + workload("checkout", TENANT_QUERY));

    await().atMost(WAIT).until(() -> !prometheus.queries().isEmpty());

    assertThat(prometheus.queries())
        .containsOnly("sum(rate(http_requests_total{app=\"checkout\",namespace=\"shop\"}[1m]))");
  }

  @Test
  void theTrustedNamespacesQueryReachesPrometheusAsWritten() {
    harness.policies(
        "ops", "platform", "workloads:\n" + workload("catalog", PLATFORM_QUERY, "shop"));

    await().atMost(WAIT).until(() -> !prometheus.queries().isEmpty());

    assertThat(prometheus.queries()).containsOnly(PLATFORM_QUERY);
  }

  @Test
  void aTenantQueryForAnotherNamespaceIsRejectedAndNeverAsked() throws Exception {
    harness.policies("shop", "policies", "workloads:\n" + workload("checkout", PROBING_QUERY));

    await().atMost(WAIT).until(() -> harness.event("InvalidPolicy").isPresent());

    Event event = harness.event("InvalidPolicy").orElseThrow();
    assertThat(event.getInvolvedObject().getName()).isEqualTo("policies");
    assertThat(event.getMessage())
        .contains(
            "workloads[0].metric.prometheus: cannot be confined to the ConfigMap's namespace"
                + " (shop)")
        .contains("asks for namespace=\"kube-system\"");
    assertThat(harness.get(service, "/metrics").body())
        .contains(
            "predictive_scaler_config_rejected_total{configmap=\"policies\",namespace=\"shop\",}"
                + " 1.0");
    assertThat(service.policies().policy(TargetRef.deployment("shop", "checkout"))).isEmpty();
    assertThat(prometheus.queries()).isEmpty();
  }

  private static String workload(String name, String query) {
    return workload(name, query, null);
  }

  private static String workload(String name, String query, String namespace) {
    String target =
        namespace == null
            ? "{name: " + name + "}"
            : "{namespace: " + namespace + ", name: " + name + "}";
    return String.join(
        "\n",
        List.of(
            "  - target: " + target,
            "    metric: {prometheus: '" + query + "'}",
            "    targetPerReplica: 100",
            "    maxReplicas: 4",
            ""));
  }
}
