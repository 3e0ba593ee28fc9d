package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ops API's access control in the chart: the service's mode and address, the scaler's right to
 * ask for reviews, the readers' ClusterRole and its binding, and the ServiceMonitor's token.
 */
class ScalerOpsAccessTest {

  private static final String FULLNAME = ScalerPods.FULLNAME;
  private static final String OPS_AUTH = FULLNAME + "-ops-auth";
  private static final String OPS_READER = FULLNAME + "-ops-reader";
  private static final String SA_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

  @Test
  void theServiceChecksTokensWithKubernetesOnAllInterfacesByDefault() {
    var env = ScalerPods.env(ScalerPods.container(Map.of()));

    assertThat(env.get("PREDICTIVE_SCALER_OPS_AUTH").getValue()).isEqualTo("kubernetes");
    assertThat(env.get("PREDICTIVE_SCALER_OPS_BIND_ADDRESS").getValue()).isEqualTo("0.0.0.0");
  }

  @ParameterizedTest(name = "namespaces={0}")
  @ValueSource(strings = {"", "shop"})
  void theScalerMayCreateTokenAndAccessReviewsInEitherScope(String namespace) {
    Map<String, Object> values =
        namespace.isEmpty() ? Map.of() : Map.of("namespaces[0]", namespace);
    List<HasMetadata> objects = ChartRenderer.renderObjects(ChartRenderer.SCALER, values);

    ClusterRole role = Manifests.named(objects, ClusterRole.class, OPS_AUTH);
    assertThat(Permission.granted(role.getRules()))
        .containsExactlyInAnyOrder(
            new Permission("authentication.k8s.io", "tokenreviews", "create"),
            new Permission("authorization.k8s.io", "subjectaccessreviews", "create"))
        .isSubsetOf(Permission.required());
    ClusterRoleBinding binding = Manifests.named(objects, ClusterRoleBinding.class, OPS_AUTH);
    assertThat(binding.getRoleRef().getName()).isEqualTo(OPS_AUTH);
    assertThat(binding.getSubjects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getKind()).isEqualTo("ServiceAccount");
              assertThat(s.getName()).isEqualTo(FULLNAME);
              assertThat(s.getNamespace()).isEqualTo(ChartRenderer.NAMESPACE);
            });
  }

  @Test
  void theReaderRoleGrantsGetOnMetricsAndTheApiOnlyAndIsUnboundByDefault() {
    List<HasMetadata> objects = ChartRenderer.renderObjects(ChartRenderer.SCALER, Map.of());

    ClusterRole reader = Manifests.named(objects, ClusterRole.class, OPS_READER);
    assertThat(reader.getRules())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getNonResourceURLs()).containsExactly("/metrics", "/api/v1/*");
              assertThat(rule.getVerbs()).containsExactly("get");
              assertThat(rule.getResources()).isEmpty();
            });
    assertThat(Manifests.ofType(objects, ClusterRoleBinding.class))
        .noneMatch(b -> b.getMetadata().getName().equals(OPS_READER));
  }

  @Test
  void readersAreBoundToTheReaderRole() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("ops.readers[0].kind", "ServiceAccount");
    values.put("ops.readers[0].name", "prometheus-k8s");
    values.put("ops.readers[0].namespace", "monitoring");
    values.put("ops.readers[1].kind", "Group");
    values.put("ops.readers[1].name", "sre");

    List<HasMetadata> objects = ChartRenderer.renderObjects(ChartRenderer.SCALER, values);

    ClusterRoleBinding binding = Manifests.named(objects, ClusterRoleBinding.class, OPS_READER);
    assertThat(binding.getRoleRef().getName()).isEqualTo(OPS_READER);
    assertThat(binding.getSubjects())
        .extracting(Subject::getKind, Subject::getName, Subject::getNamespace)
        .containsExactly(
            Tuple.tuple("ServiceAccount", "prometheus-k8s", "monitoring"),
            Tuple.tuple("Group", "sre", null));
  }

  @Test
  void withoutAuthTheChartGrantsNoReviewsAndCreatesNoReaderRole() {
    List<HasMetadata> objects =
        ChartRenderer.renderObjects(
            ChartRenderer.SCALER, Map.of("ops.auth", "none", "serviceMonitor.enabled", true));

    assertThat(
            ScalerPods.env(ScalerPods.container(Map.of("ops.auth", "none")))
                .get("PREDICTIVE_SCALER_OPS_AUTH")
                .getValue())
        .isEqualTo("none");
    assertThat(Manifests.ofType(objects, ClusterRole.class))
        .extracting(r -> r.getMetadata().getName())
        .doesNotContain(OPS_AUTH, OPS_READER);
    assertThat(
            Manifests.ofType(objects, ClusterRole.class).stream()
                .flatMap(r -> r.getRules().stream())
                .flatMap(r -> r.getResources().stream()))
        .doesNotContain("tokenreviews", "subjectaccessreviews");
    assertThat(endpoint(objects)).doesNotContainKeys("bearerTokenFile", "authorization");
  }

  @Test
  void theServiceMonitorSendsPrometheusOwnServiceAccountTokenByDefault() {
    List<HasMetadata> objects =
        ChartRenderer.renderObjects(ChartRenderer.SCALER, Map.of("serviceMonitor.enabled", true));

    assertThat(endpoint(objects))
        .containsEntry("bearerTokenFile", SA_TOKEN)
        .doesNotContainKey("authorization");
  }

  @Test
  void theServiceMonitorCanSendATokenFromASecretInstead() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("serviceMonitor.enabled", true);
    values.put("serviceMonitor.bearerTokenSecret.name", "scraper-token");

    List<HasMetadata> objects = ChartRenderer.renderObjects(ChartRenderer.SCALER, values);

    assertThat(endpoint(objects))
        .doesNotContainKey("bearerTokenFile")
        .containsEntry(
            "authorization",
            Map.of(
                "type", "Bearer", "credentials", Map.of("name", "scraper-token", "key", "token")));
  }

  @Test
  void anIpv6BindAddressIsPassedOn() {
    var env = ScalerPods.env(ScalerPods.container(Map.of("ops.bindAddress", "::")));

    assertThat(env.get("PREDICTIVE_SCALER_OPS_BIND_ADDRESS").getValue()).isEqualTo("::");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"127.0.0.1", "::1"})
  void aLoopbackBindAddressIsRefusedBecauseTheProbesWouldFail(String address) {
    String error =
        ChartRenderer.renderError(ChartRenderer.SCALER, Map.of("ops.bindAddress", address));

    assertThat(error)
        .contains("ops.bindAddress " + address + " is a loopback address")
        .contains("kubelet's probes");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ops.auth | basic | at '/ops/auth': value must be one of 'kubernetes', 'none'",
        "ops.bindAddress | localhost | at '/ops/bindAddress'",
        "ops.readers[0].kind | Robot | at '/ops/readers/0",
        "serviceMonitor.bearerTokenFile | token | at '/serviceMonitor/bearerTokenFile'",
      })
  void rejectsBadOpsValuesNamingTheField(String key, String value, String expected) {
    String error = ChartRenderer.renderError(ChartRenderer.SCALER, Map.of(key, value));

    assertThat(error).contains("values don't meet the specifications").contains(expected);
  }

  @Test
  void aServiceAccountReaderNeedsItsNamespace() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("ops.readers[0].kind", "ServiceAccount");
    values.put("ops.readers[0].name", "prometheus-k8s");

    String error = ChartRenderer.renderError(ChartRenderer.SCALER, values);

    assertThat(error)
        .contains("ops.readers[0]: the ServiceAccount prometheus-k8s needs its namespace");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> endpoint(List<HasMetadata> objects) {
    Map<String, Object> spec = Manifests.spec(Manifests.custom(objects, "ServiceMonitor").get(0));
    return ((List<Map<String, Object>>) spec.get("endpoints")).get(0);
  }
}
