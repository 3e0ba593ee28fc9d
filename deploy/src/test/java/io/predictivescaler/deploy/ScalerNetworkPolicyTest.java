package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ingress reaches the ops port only from what scrapes it, the peers named, and the probes. */
class ScalerNetworkPolicyTest {

  private static NetworkPolicy policy(Map<String, ?> values) {
    return Manifests.named(
        ChartRenderer.renderObjects(ChartRenderer.SCALER, values),
        NetworkPolicy.class,
        ScalerPods.FULLNAME);
  }

  @Test
  void byDefaultOnlyThePrometheusScraperReachesTheOpsPort() {
    List<NetworkPolicyIngressRule> ingress = policy(Map.of()).getSpec().getIngress();

    assertThat(ingress)
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getPorts())
                  .extracting(p -> p.getPort().getStrVal())
                  .containsExactly("http");
              NetworkPolicyPeer peer = rule.getFrom().get(0);
              assertThat(rule.getFrom()).hasSize(1);
              assertThat(peer.getNamespaceSelector().getMatchLabels())
                  .containsExactly(Map.entry("kubernetes.io/metadata.name", "monitoring"));
              assertThat(peer.getPodSelector().getMatchLabels())
                  .containsExactly(Map.entry("app.kubernetes.io/name", "prometheus"));
            });
  }

  @Test
  void noIngressRuleAdmitsEverySource() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("networkPolicy.ingressFrom[0].podSelector.matchLabels.app", "ops-console");
    values.put("networkPolicy.kubeletCidrs[0]", "10.0.0.0/16");

    List<NetworkPolicyIngressRule> ingress = policy(values).getSpec().getIngress();

    assertThat(ingress).hasSize(3);
    assertThat(ingress).allSatisfy(rule -> assertThat(rule.getFrom()).isNotEmpty());
    assertThat(ingress)
        .flatExtracting(NetworkPolicyIngressRule::getPorts)
        .extracting(p -> p.getPort().getStrVal())
        .containsOnly("http");
  }

  @Test
  void theScraperSelectorsComeFromValues() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("networkPolicy.metricsScraper.namespaceSelector.matchLabels.team", "observability");
    values.put("networkPolicy.metricsScraper.podSelector.matchLabels.app", "vmagent");

    NetworkPolicyPeer peer = policy(values).getSpec().getIngress().get(0).getFrom().get(0);

    assertThat(peer.getNamespaceSelector().getMatchLabels()).containsEntry("team", "observability");
    assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("app", "vmagent");
  }

  @Test
  void kubeletCidrsReachTheProbesPort() {
    NetworkPolicy policy = policy(Map.of("networkPolicy.kubeletCidrs[0]", "10.0.0.0/16"));
    Container container = ScalerPods.container(Map.of());

    NetworkPolicyIngressRule kubelet =
        policy.getSpec().getIngress().stream()
            .filter(r -> r.getFrom().get(0).getIpBlock() != null)
            .findFirst()
            .orElseThrow();
    assertThat(kubelet.getFrom())
        .extracting(p -> p.getIpBlock().getCidr())
        .containsExactly("10.0.0.0/16");
    List<String> ports =
        kubelet.getPorts().stream()
            .map(NetworkPolicyPort::getPort)
            .map(p -> p.getStrVal())
            .toList();
    for (var probe :
        List.of(
            container.getStartupProbe(),
            container.getLivenessProbe(),
            container.getReadinessProbe())) {
      assertThat(ports).contains(probe.getHttpGet().getPort().getStrVal());
    }
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
  }

  @Test
  void egressGoesToTheApiServerPrometheusAndDnsOnly() {
    NetworkPolicy policy = policy(Map.of());

    assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
    assertThat(policy.getSpec().getEgress())
        .flatExtracting(rule -> rule.getPorts())
        .extracting(p -> p.getPort().getIntVal())
        .containsExactlyInAnyOrder(443, 6443, 9090, 53, 53);
  }
}
