package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** fabric8 reads the kubeconfig path from the {@code kubeconfig} system property first. */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class KubeClientConfigTest {

  private static final String KUBECONFIG =
      """
      apiVersion: v1
      kind: Config
      current-context: staging
      clusters:
      - name: staging
        cluster: {server: "https://staging.example:6443"}
      - name: prod
        cluster: {server: "https://prod.example:6443"}
      contexts:
      - name: staging
        context: {cluster: staging, user: me, namespace: team-a}
      - name: prod
        context: {cluster: prod, user: me, namespace: team-b}
      users:
      - name: me
        user: {token: not-a-real-token}
      """;

  @TempDir Path dir;
  private String previous;

  @BeforeEach
  void pointFabric8AtATestKubeconfig() throws Exception {
    previous = System.getProperty(Config.KUBERNETES_KUBECONFIG_FILE);
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), KUBECONFIG);
    System.setProperty(Config.KUBERNETES_KUBECONFIG_FILE, kubeconfig.toString());
  }

  @AfterEach
  void restore() {
    if (previous == null) {
      System.clearProperty(Config.KUBERNETES_KUBECONFIG_FILE);
    } else {
      System.setProperty(Config.KUBERNETES_KUBECONFIG_FILE, previous);
    }
  }

  @Test
  void withoutAContextUsesTheCurrentOne() {
    Config config = KubeClientConfig.load(null);

    assertThat(config.getMasterUrl()).startsWith("https://staging.example:6443");
  }

  @Test
  void aNamedContextChoosesItsClusterAndNamespace() {
    Config config = KubeClientConfig.load("prod");

    assertThat(config.getMasterUrl()).startsWith("https://prod.example:6443");
    assertThat(config.getNamespace()).isEqualTo("team-b");
  }

  @Test
  void anUnknownContextIsAnErrorInsteadOfTheCurrentContext() {
    assertThatThrownBy(() -> KubeClientConfig.load("qa"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "no context 'qa' in the kubeconfig (KUBECONFIG or ~/.kube/config); it has prod, staging");
  }

  @Test
  void theParserReadsTheContextFromTheFlagOrTheEnvironment() {
    ServiceConfig fromFlag =
        ServiceConfigParser.parse(
            new String[] {"--kube-context", "prod"}, Map.of("POD_NAME", "scaler-0"));
    ServiceConfig fromEnv =
        ServiceConfigParser.parse(
            new String[0],
            Map.of("PREDICTIVE_SCALER_KUBE_CONTEXT", "prod", "POD_NAME", "scaler-0"));
    ServiceConfig unset = ServiceConfigParser.parse(new String[0], Map.of("POD_NAME", "scaler-0"));

    assertThat(fromFlag.kubeContext()).isEqualTo("prod");
    assertThat(fromEnv.kubeContext()).isEqualTo("prod");
    assertThat(unset.kubeContext()).isNull();
  }

  @Test
  void theParserNamesTheOptionAndTheValueOfAnUnknownContext() {
    assertThatThrownBy(
            () ->
                ServiceConfigParser.parse(
                    new String[] {"--kube-context", "qa"}, Map.of("POD_NAME", "scaler-0")))
        .isInstanceOf(ServiceConfigException.class)
        .extracting(e -> ((ServiceConfigException) e).problems())
        .asList()
        .containsExactly(
            "--kube-context: no context 'qa' in the kubeconfig (KUBECONFIG or ~/.kube/config);"
                + " it has prod, staging");
  }
}
