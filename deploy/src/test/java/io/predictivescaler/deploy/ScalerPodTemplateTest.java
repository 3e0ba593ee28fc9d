package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scaler pod: what restarts it, how it starts, how it logs. */
class ScalerPodTemplateTest {

  @Test
  void aPolicyChangeLeavesThePodTemplateUnchanged() {
    String changed = "defaults:\n  mode: scale\nworkloads: []\n";

    PodTemplateSpec before = ScalerPods.template(Map.of());
    PodTemplateSpec after = ScalerPods.template(Map.of("policy.policies", changed));

    assertThat(after).isEqualTo(before);
    assertThat(before.getMetadata().getAnnotations()).isNullOrEmpty();
  }

  @Test
  void podAnnotationsFromValuesAreKept() {
    PodTemplateSpec template =
        ScalerPods.template(Map.of("podAnnotations.example\\.com/team", "ops"));

    assertThat(template.getMetadata().getAnnotations())
        .containsExactly(Map.entry("example.com/team", "ops"));
  }

  @Test
  void aStartupProbeCoversTheSlowStartBeforeLivenessCounts() {
    Container container = ScalerPods.container(Map.of());

    var startup = container.getStartupProbe();
    assertThat(startup.getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(startup.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold())
        .isGreaterThanOrEqualTo(120);
    assertThat(container.getLivenessProbe().getInitialDelaySeconds()).isZero();
  }

  @Test
  void startupProbeTimingComesFromValues() {
    Container container =
        ScalerPods.container(
            Map.of("probes.startup.periodSeconds", 10, "probes.startup.failureThreshold", 60));

    assertThat(container.getStartupProbe().getPeriodSeconds()).isEqualTo(10);
    assertThat(container.getStartupProbe().getFailureThreshold()).isEqualTo(60);
  }

  @Test
  void trustsThePromQlOfTheReleaseNamespaceAlwaysAndOfTheListedOnes() {
    Map<String, Object> listed = new LinkedHashMap<>();
    listed.put("prometheus.trustedNamespaces[0]", "monitoring");
    listed.put("prometheus.trustedNamespaces[1]", ChartRenderer.NAMESPACE);

    String byDefault = trusted(ScalerPods.container(Map.of()));
    String withListed = trusted(ScalerPods.container(listed));

    assertThat(byDefault).isEqualTo(ChartRenderer.NAMESPACE);
    assertThat(withListed).isEqualTo("monitoring," + ChartRenderer.NAMESPACE);
  }

  @Test
  void passesTheLogLevel() {
    Container byDefault = ScalerPods.container(Map.of());
    Container debug = ScalerPods.container(Map.of("logLevel", "debug"));

    assertThat(ScalerPods.env(byDefault).get("PREDICTIVE_SCALER_LOG_LEVEL").getValue())
        .isEqualTo("info");
    assertThat(ScalerPods.env(debug).get("PREDICTIVE_SCALER_LOG_LEVEL").getValue())
        .isEqualTo("debug");
  }

  @Test
  void passesTheTickQueueSettings() {
    Container byDefault = ScalerPods.container(Map.of());
    Container tuned = ScalerPods.container(Map.of("tick.workers", "8", "tick.budget", "0.25"));

    assertThat(ScalerPods.env(byDefault).get("PREDICTIVE_SCALER_TICK_WORKERS").getValue())
        .isEqualTo("4");
    assertThat(ScalerPods.env(byDefault).get("PREDICTIVE_SCALER_TICK_BUDGET").getValue())
        .isEqualTo("0.5");
    assertThat(ScalerPods.env(tuned).get("PREDICTIVE_SCALER_TICK_WORKERS").getValue())
        .isEqualTo("8");
    assertThat(ScalerPods.env(tuned).get("PREDICTIVE_SCALER_TICK_BUDGET").getValue())
        .isEqualTo("0.25");
  }

  private static String trusted(Container container) {
    return ScalerPods.env(container)
        .get("PREDICTIVE_SCALER_PROMETHEUS_TRUSTED_NAMESPACES")
        .getValue();
  }
}
