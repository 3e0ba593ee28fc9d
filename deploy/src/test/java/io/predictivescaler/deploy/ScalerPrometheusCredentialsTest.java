package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prometheus credentials come from existing Secrets, mounted read-only (never copied into the
 * environment except the basic-auth user) and passed to the service's own settings.
 */
class ScalerPrometheusCredentialsTest {

  @Test
  void noCredentialsByDefault() {
    Container container = ScalerPods.container(Map.of());

    assertThat(ScalerPods.env(container))
        .doesNotContainKeys(
            "PREDICTIVE_SCALER_PROMETHEUS_BEARER_TOKEN_FILE",
            "PREDICTIVE_SCALER_PROMETHEUS_USERNAME",
            "PREDICTIVE_SCALER_PROMETHEUS_PASSWORD_FILE",
            "PREDICTIVE_SCALER_PROMETHEUS_CA_FILE");
    assertThat(container.getVolumeMounts()).extracting(VolumeMount::getName).containsExactly("tmp");
  }

  @Test
  void mountsTheBearerTokenFileWhenASecretIsGiven() {
    PodTemplateSpec template =
        ScalerPods.template(Map.of("prometheus.bearerToken.existingSecret", "prom-token"));

    assertFileFromSecret(
        template, "PREDICTIVE_SCALER_PROMETHEUS_BEARER_TOKEN_FILE", "prom-token", "token");
  }

  @Test
  void basicAuthPassesTheUserFromTheSecretAndMountsThePasswordFile() {
    PodTemplateSpec template =
        ScalerPods.template(
            Map.of(
                "prometheus.basicAuth.existingSecret", "prom-basic",
                "prometheus.basicAuth.usernameKey", "user",
                "prometheus.basicAuth.passwordKey", "pass"));

    var user =
        ScalerPods.env(template.getSpec().getContainers().get(0))
            .get("PREDICTIVE_SCALER_PROMETHEUS_USERNAME");
    assertThat(user.getValue()).isNull();
    assertThat(user.getValueFrom().getSecretKeyRef().getName()).isEqualTo("prom-basic");
    assertThat(user.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("user");
    assertFileFromSecret(
        template, "PREDICTIVE_SCALER_PROMETHEUS_PASSWORD_FILE", "prom-basic", "pass");
  }

  @Test
  void caBundleIsMountedAndPassedAsTheCaFile() {
    PodTemplateSpec template =
        ScalerPods.template(Map.of("prometheus.ca.existingSecret", "prom-ca"));

    assertFileFromSecret(template, "PREDICTIVE_SCALER_PROMETHEUS_CA_FILE", "prom-ca", "ca.crt");
  }

  @Test
  void bearerTokenAndBasicAuthTogetherAreRejected() {
    String error =
        ChartRenderer.renderError(
            ChartRenderer.SCALER,
            Map.of(
                "prometheus.bearerToken.existingSecret", "prom-token",
                "prometheus.basicAuth.existingSecret", "prom-basic"));

    assertThat(error)
        .contains("prometheus.bearerToken.existingSecret")
        .contains("prometheus.basicAuth.existingSecret")
        .contains("not both");
  }

  /** The variable names a file inside a read-only mount of exactly that key of that Secret. */
  private static void assertFileFromSecret(
      PodTemplateSpec template, String variable, String secret, String key) {
    Container container = template.getSpec().getContainers().get(0);
    String path = ScalerPods.env(container).get(variable).getValue();
    VolumeMount mount =
        container.getVolumeMounts().stream()
            .filter(m -> path.equals(m.getMountPath() + "/" + key))
            .findFirst()
            .orElseThrow(() -> new AssertionError(variable + "=" + path + " is not in a mount"));
    Volume volume =
        template.getSpec().getVolumes().stream()
            .filter(v -> v.getName().equals(mount.getName()))
            .findFirst()
            .orElseThrow();

    assertThat(mount.getReadOnly()).isTrue();
    assertThat(volume.getSecret().getSecretName()).isEqualTo(secret);
    assertThat(volume.getSecret().getItems())
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.getKey()).isEqualTo(key);
              assertThat(item.getPath()).isEqualTo(key);
            });
  }
}
