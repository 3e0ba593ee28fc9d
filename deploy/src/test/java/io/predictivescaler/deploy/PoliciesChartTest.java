package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBinding;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PoliciesChartTest {

  private static final List<String> NAMESPACES = List.of("production", "staging", "development");
  private static List<HasMetadata> objects;

  @BeforeAll
  static void render() {
    objects = ChartRenderer.renderObjects(ChartRenderer.POLICIES, Map.of());
  }

  @Test
  void enforcesRestrictedPodSecurityInProduction() {
    Map<String, String> production =
        Manifests.named(objects, Namespace.class, "production").getMetadata().getLabels();
    Map<String, String> development =
        Manifests.named(objects, Namespace.class, "development").getMetadata().getLabels();

    assertThat(production)
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted")
        .containsEntry("pod-security.kubernetes.io/enforce-version", "v1.33");
    assertThat(development)
        .containsEntry("pod-security.kubernetes.io/enforce", "baseline")
        .containsEntry("pod-security.kubernetes.io/warn", "restricted");
  }

  @Test
  void deniesAllTrafficByDefaultInEveryNamespace() {
    for (String namespace : NAMESPACES) {
      NetworkPolicy deny = networkPolicy(namespace, "default-deny-all");

      assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
      assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
      assertThat(deny.getSpec().getIngress()).isEmpty();
      assertThat(deny.getSpec().getEgress()).isEmpty();
    }
  }

  @Test
  void allowsFrontendToBackendToDatabaseAndDns() {
    NetworkPolicy backend = networkPolicy("production", "backend");
    NetworkPolicy database = networkPolicy("production", "database");
    NetworkPolicy dns = networkPolicy("production", "allow-dns");

    assertThat(
            backend
                .getSpec()
                .getIngress()
                .get(0)
                .getFrom()
                .get(0)
                .getPodSelector()
                .getMatchLabels())
        .containsEntry("tier", "frontend");
    assertThat(
            backend.getSpec().getEgress().get(0).getTo().get(0).getPodSelector().getMatchLabels())
        .containsEntry("tier", "database");
    assertThat(database.getSpec().getIngress().get(0).getPorts().get(0).getPort().getIntVal())
        .isEqualTo(5432);
    assertThat(dns.getSpec().getEgress().get(0).getPorts())
        .extracting(p -> p.getPort().getIntVal())
        .containsOnly(53);
    assertThat(dns.getSpec().getEgress().get(0).getTo().get(0).getNamespaceSelector()).isNotNull();
  }

  @Test
  void keepsSecretsFromDevelopersInProductionOnly() {
    assertThat(secretsGranted(role("production", "developer"))).isFalse();
    assertThat(secretsGranted(role("development", "developer"))).isTrue();
    assertThat(secretsGranted(role("development", "read-only"))).isFalse();
    assertThat(role("production", "read-only").getRules())
        .allSatisfy(r -> assertThat(r.getVerbs()).containsOnly("get", "list", "watch"));
  }

  @Test
  void boundsEveryNamespaceWithQuotaLimitRangeAndPdbs() {
    for (String namespace : NAMESPACES) {
      assertThat(inNamespace(ResourceQuota.class, namespace))
          .singleElement()
          .satisfies(
              q ->
                  assertThat(q.getSpec().getHard())
                      .containsKeys("requests.cpu", "limits.memory", "pods"));
      assertThat(inNamespace(LimitRange.class, namespace))
          .singleElement()
          .satisfies(
              l ->
                  assertThat(l.getSpec().getLimits().get(0).getDefault())
                      .containsKeys("cpu", "memory"));
      assertThat(inNamespace(PodDisruptionBudget.class, namespace))
          .extracting(p -> p.getSpec().getSelector().getMatchLabels().get("tier"))
          .containsExactlyInAnyOrder("frontend", "backend", "database");
    }
  }

  @Test
  void bindsEveryAdmissionPolicyToTheGovernedNamespaces() {
    List<ValidatingAdmissionPolicy> policies =
        Manifests.ofType(objects, ValidatingAdmissionPolicy.class);
    List<ValidatingAdmissionPolicyBinding> bindings =
        Manifests.ofType(objects, ValidatingAdmissionPolicyBinding.class);

    assertThat(policies)
        .hasSize(7)
        .allSatisfy(
            p -> {
              assertThat(p.getApiVersion()).isEqualTo("admissionregistration.k8s.io/v1");
              assertThat(p.getSpec().getFailurePolicy()).isEqualTo("Fail");
            });
    assertThat(bindings)
        .extracting(b -> b.getSpec().getPolicyName())
        .containsExactlyInAnyOrderElementsOf(
            policies.stream().map(p -> p.getMetadata().getName()).toList());
    assertThat(bindings)
        .allSatisfy(
            b -> {
              assertThat(b.getSpec().getValidationActions()).containsExactly("Deny");
              assertThat(
                      b.getSpec()
                          .getMatchResources()
                          .getNamespaceSelector()
                          .getMatchExpressions()
                          .get(0)
                          .getValues())
                  .containsExactlyInAnyOrderElementsOf(NAMESPACES);
            });
  }

  private static boolean secretsGranted(Role role) {
    return role.getRules().stream().anyMatch(r -> r.getResources().contains("secrets"));
  }

  private static Role role(String namespace, String name) {
    return inNamespace(Role.class, namespace).stream()
        .filter(r -> r.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static NetworkPolicy networkPolicy(String namespace, String name) {
    return inNamespace(NetworkPolicy.class, namespace).stream()
        .filter(r -> r.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static <T extends HasMetadata> List<T> inNamespace(Class<T> type, String namespace) {
    return Manifests.ofType(objects, type).stream()
        .filter(o -> namespace.equals(o.getMetadata().getNamespace()))
        .toList();
  }
}
