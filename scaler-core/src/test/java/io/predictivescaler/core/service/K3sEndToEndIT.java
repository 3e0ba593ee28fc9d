package io.predictivescaler.core.service;

import static io.predictivescaler.core.service.ServiceHarness.NS;
import static io.predictivescaler.core.service.ServiceHarness.query;
import static io.predictivescaler.core.service.ServiceHarness.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * End to end on a real API server (k3s in Docker): a Deployment and a policy ConfigMap go in, the
 * service runs in-process against that API with a stub Prometheus, and the Deployment scales.
 * Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class K3sEndToEndIT {

  @Container
  static final K3sContainer K3S =
      new K3sContainer(DockerImageName.parse("rancher/k3s:v1.31.4-k3s1"));

  private KubernetesClient client;
  private ServiceHarness harness;

  @BeforeEach
  void setUp() {
    client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(K3S.getKubeConfigYaml()))
            .build();
    for (String namespace : new String[] {NS, "ops"}) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .serverSideApply();
    }
    harness = new ServiceHarness(client, Instant.now().truncatedTo(ChronoUnit.MINUTES));
  }

  @AfterEach
  void tearDown() {
    harness.close();
    client.close();
  }

  @Test
  void scalesADeploymentOnARealApiServer() throws Exception {
    harness.prometheus.load(query("checkout"), t -> 950);
    client.apps().deployments().inNamespace(NS).resource(pauseDeployment("checkout", 1)).create();
    harness.policies("workloads:\n" + workload("checkout", "scale", 1, 20));
    ScalerService service = harness.startLeader("checkout");

    harness.tick(service, "checkout");

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(harness.replicas("checkout")).isEqualTo(5));
    assertThat(harness.event("ScaleUpLimit")).isPresent();
  }

  private static io.fabric8.kubernetes.api.model.apps.Deployment pauseDeployment(
      String name, int replicas) {
    Map<String, String> labels = Map.of("app", name);
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NS)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .withMatchLabels(labels)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("pause")
        .withImage("registry.k8s.io/pause:3.9")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
