package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The chart grants exactly what scaler-core's required-permissions.yaml lists: a grant missing
 * breaks the service, an extra grant breaks least privilege. Fails when code and RBAC drift.
 */
class ScalerRbacTest {

  private static final String SA = "demo-predictive-scaler";

  @Test
  void requiredPermissionsFileIsNotEmpty() {
    assertThat(Permission.required()).hasSizeGreaterThan(10);
  }

  @Test
  void clusterWideModeGrantsExactlyTheRequiredPermissions() {
    List<HasMetadata> objects = ChartRenderer.renderObjects(ChartRenderer.SCALER, Map.of());

    List<PolicyRule> rules = new ArrayList<>();
    Manifests.ofType(objects, ClusterRole.class).forEach(r -> rules.addAll(r.getRules()));
    Manifests.ofType(objects, Role.class).forEach(r -> rules.addAll(r.getRules()));

    assertThat(Permission.granted(rules)).isEqualTo(Permission.required());
    assertThat(Manifests.ofType(objects, ClusterRoleBinding.class))
        .singleElement()
        .satisfies(b -> assertThat(b.getSubjects()).extracting("name").containsExactly(SA));
  }

  @Test
  void namespacedModeGrantsExactlyTheRequiredPermissionsInEachWatchedNamespace() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("namespaces[0]", "shop");
    values.put("namespaces[1]", "payments");
    List<HasMetadata> objects = ChartRenderer.renderObjects(ChartRenderer.SCALER, values);

    assertThat(Manifests.ofType(objects, ClusterRole.class)).isEmpty();
    assertThat(Manifests.ofType(objects, ClusterRoleBinding.class)).isEmpty();
    for (String namespace : List.of("shop", "payments")) {
      List<PolicyRule> rules = new ArrayList<>();
      rolesBoundToServiceAccount(objects, namespace).forEach(r -> rules.addAll(r.getRules()));
      rolesBoundToServiceAccount(objects, ChartRenderer.NAMESPACE).stream()
          .filter(r -> r.getMetadata().getName().endsWith("-leader-election"))
          .forEach(r -> rules.addAll(r.getRules()));
      assertThat(Permission.granted(rules)).as(namespace).isEqualTo(Permission.required());
    }
  }

  @Test
  void namespacedModeGrantsNothingBeyondTheRequiredPermissions() {
    List<HasMetadata> objects =
        ChartRenderer.renderObjects(ChartRenderer.SCALER, Map.of("namespaces[0]", "shop"));

    List<PolicyRule> all = new ArrayList<>();
    Manifests.ofType(objects, Role.class).forEach(r -> all.addAll(r.getRules()));
    Set<Permission> granted = new TreeSet<>(Permission.granted(all));

    assertThat(granted).isSubsetOf(Permission.required());
    assertThat(env(objects)).isEqualTo("shop");
  }

  @Test
  void leasesAreGrantedInTheReleaseNamespaceOnly() {
    List<HasMetadata> objects = ChartRenderer.renderObjects(ChartRenderer.SCALER, Map.of());

    List<Role> leaseRoles =
        Manifests.ofType(objects, Role.class).stream()
            .filter(
                r -> r.getRules().stream().anyMatch(rule -> rule.getResources().contains("leases")))
            .toList();

    assertThat(leaseRoles)
        .singleElement()
        .satisfies(
            r -> assertThat(r.getMetadata().getNamespace()).isEqualTo(ChartRenderer.NAMESPACE));
    assertThat(Manifests.ofType(objects, ClusterRole.class))
        .allSatisfy(
            r ->
                assertThat(r.getRules()).noneMatch(rule -> rule.getResources().contains("leases")));
  }

  private static List<Role> rolesBoundToServiceAccount(
      List<HasMetadata> objects, String namespace) {
    List<String> boundRoles =
        Manifests.ofType(objects, RoleBinding.class).stream()
            .filter(b -> namespace.equals(b.getMetadata().getNamespace()))
            .filter(
                b ->
                    b.getSubjects().stream()
                        .anyMatch(
                            s ->
                                s.getName().equals(SA)
                                    && ChartRenderer.NAMESPACE.equals(s.getNamespace())))
            .map(b -> b.getRoleRef().getName())
            .toList();
    return Manifests.ofType(objects, Role.class).stream()
        .filter(r -> namespace.equals(r.getMetadata().getNamespace()))
        .filter(r -> boundRoles.contains(r.getMetadata().getName()))
        .toList();
  }

  private static String env(List<HasMetadata> objects) {
    return Manifests.ofType(objects, Deployment.class)
        .get(0)
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getEnv()
        .stream()
        .filter(e -> e.getName().equals("PREDICTIVE_SCALER_NAMESPACES"))
        .findFirst()
        .orElseThrow()
        .getValue();
  }
}
