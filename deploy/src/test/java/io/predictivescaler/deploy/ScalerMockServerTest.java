package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class ScalerMockServerTest {

  static KubernetesClient client;
  private static List<HasMetadata> objects;

  @BeforeAll
  static void install() {
    objects = ChartRenderer.renderWithHooks(ChartRenderer.SCALER, Map.of());
    objects.forEach(o -> client.resource(o).create());
  }

  @Test
  void everyRenderedObjectIsStoredByTheApiServer() {
    assertThat(objects).hasSizeGreaterThanOrEqualTo(10);
    assertThat(objects).anyMatch(ScalerRbacTest::isHook);
    assertThat(objects)
        .allSatisfy(
            o ->
                assertThat(client.resource(o).get())
                    .as(o.getKind() + "/" + o.getMetadata().getName())
                    .isNotNull());
  }

  @Test
  void theServiceFindsThePolicyConfigMapByItsLabel() {
    var policies =
        client
            .configMaps()
            .inAnyNamespace()
            .withLabel("predictive-scaler.io/policy", "true")
            .list()
            .getItems();

    assertThat(policies)
        .singleElement()
        .satisfies(cm -> assertThat(cm.getData()).containsKey("policies.yaml"));
  }

  @Test
  void theDeploymentRunsUnderTheChartsServiceAccount() {
    Deployment deployment =
        client
            .apps()
            .deployments()
            .inNamespace(ChartRenderer.NAMESPACE)
            .withName("demo-predictive-scaler")
            .get();

    String account = deployment.getSpec().getTemplate().getSpec().getServiceAccountName();
    assertThat(
            client.serviceAccounts().inNamespace(ChartRenderer.NAMESPACE).withName(account).get())
        .isNotNull();
    assertThat(
            client
                .rbac()
                .clusterRoleBindings()
                .withName("demo-predictive-scaler")
                .get()
                .getSubjects())
        .anySatisfy(s -> assertThat(s.getName()).isEqualTo(account));
  }
}
