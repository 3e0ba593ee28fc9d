package io.predictivescaler.core.service;

import static io.predictivescaler.core.admission.AdmissionReviewJson.createPolicy;
import static io.predictivescaler.core.admission.AdmissionReviewJson.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.kube.MockApiServerShutdown;
import io.vertx.core.net.SelfSignedCertificate;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admission webhook of the real service, started from its flags: it judges a ConfigMap write by
 * the rules the running service applies to that ConfigMap, the lease namespace as the control
 * namespace, {@code --prometheus-trusted-namespaces} for the PromQL confinement, and the policies
 * in force for the warning about a workload already defined.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class AdmissionWebhookIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BILLING_QUERY =
      "sum(rate(http_requests_total{namespace=\"billing\",app=\"checkout\"}[1m]))";

  KubernetesClient client;
  KubernetesMockServer server;
  @TempDir Path certDir;
  private ServiceHarness harness;
  private SelfSignedCertificate certificate;
  private ScalerService service;

  @BeforeEach
  void startWithTheWebhook() throws Exception {
    certificate = SelfSignedCertificate.create("localhost");
    WebhookTls.install(certificate, certDir);
    harness = new ServiceHarness(client, ServiceHarness.T0);
    service =
        harness.startWith(
            "--webhook-cert-dir",
            certDir.toString(),
            "--webhook-port",
            String.valueOf(freePort()),
            "--prometheus-trusted-namespaces",
            "observability");
  }

  @AfterEach
  void tearDown() {
    harness.close();
    certificate.delete();
    client.close();
    MockApiServerShutdown.shutDown(server);
  }

  @Test
  void deniesATenantQueryForAnotherNamespaceAndAllowsItInATrustedNamespace() throws Exception {
    JsonNode tenant =
        review(createPolicy("t", "shop", "p", policy("shop", "checkout", BILLING_QUERY)).text());
    JsonNode trusted =
        review(
            createPolicy("o", "observability", "p", policy("observability", "x", BILLING_QUERY))
                .text());

    assertThat(tenant.at("/response/allowed").asBoolean()).isFalse();
    assertThat(tenant.at("/response/status/message").asText())
        .contains(
            "\nworkloads[0].metric.prometheus: cannot be confined to the ConfigMap's namespace"
                + " (shop)");
    assertThat(trusted.at("/response/allowed").asBoolean()).isTrue();
  }

  @Test
  void letsOnlyTheLeaseNamespaceTargetOtherNamespaces() throws Exception {
    String billing = policy("billing", "invoices", "sum(rate(invoices_total[1m]))");

    JsonNode fromShop = review(createPolicy("s", "shop", "p", billing).text());
    JsonNode fromOps = review(createPolicy("o", "ops", "p", billing).text());

    assertThat(fromShop.at("/response/status/message").asText())
        .contains(
            "workloads[0].target.namespace: must be the ConfigMap's namespace (shop) unless the"
                + " ConfigMap is in ops, got billing");
    assertThat(fromOps.at("/response/allowed").asBoolean()).isTrue();
  }

  @Test
  void warnsThatAWorkloadInForceIsDefinedAgain() throws Exception {
    harness.policies("workloads:\n" + ServiceHarness.workload("checkout", "scale", 1, 10));
    await()
        .atMost(ServiceHarness.WAIT)
        .until(
            () -> service.policies().source(TargetRef.deployment("shop", "checkout")).isPresent());

    JsonNode again =
        review(createPolicy("w", "shop", "second", policy("shop", "checkout", "sum(up)")).text());

    assertThat(again.at("/response/allowed").asBoolean()).isTrue();
    assertThat(again.at("/response/warnings/0").asText())
        .startsWith(
            "workloads[0].target: Deployment shop/checkout is also defined by ConfigMap"
                + " shop/policies");
  }

  private JsonNode review(String body) throws Exception {
    URI uri =
        URI.create("https://localhost:" + service.webhookPort().orElseThrow() + WebhookServer.PATH);
    HttpResponse<String> response =
        WebhookTls.client(certificate)
            .send(
                HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
