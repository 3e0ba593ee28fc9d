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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chart grants exactly what scaler-core's required-permissions.yaml lists: a grant missing
 * breaks the service, an extra grant breaks least privilege. Fails when code and RBAC drift.
 */
class ScalerRbacTest {

  private static final String SA = "demo-predictive-scaler";
  private static final Set<String> WRITE_VERBS =
      Set.of("create", "update", "patch", "delete", "deletecollection", "*");

  @Test
  void requiredPermissionsFileIsNotEmpty() {
    assertThat(Permission.required()).hasSizeGreaterThan(10);
  }

  @Test
  void clusterWideModeGrantsExactlyTheRequiredPermissions() {
    List<HasMetadata> objects = ChartRenderer.renderObjects(ChartRenderer.SCALER, Map.of());

    assertThat(Permission.granted(allRules(objects))).isEqualTo(Permission.required());
    assertThat(Manifests.named(objects, ClusterRoleBinding.class, SA).getSubjects())
        .extracting("name")
        .containsExactly(SA);
  }

  @Test
  void namespacedModeGrantsExactlyTheRequiredPermissionsInEachWatchedNamespace() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("namespaces[0]", "shop");
    values.put("namespaces[1]", "payments");
    List<HasMetadata> objects = ChartRenderer.renderObjects(ChartRenderer.SCALER, values);

    assertThat(Manifests.ofType(objects, ClusterRole.class))
        .as("only the cluster-scoped ops API roles")
        .extracting(r -> r.getMetadata().getName())
        .containsExactlyInAnyOrder(SA + "-ops-auth", SA + "-ops-reader");
    for (String namespace : List.of("shop", "payments")) {
      List<PolicyRule> rules = new ArrayList<>(clusterRulesBoundToServiceAccount(objects));
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

    Set<Permission> granted = new TreeSet<>(Permission.granted(allRules(objects)));

    assertThat(granted).isSubsetOf(Permission.required());
  }

  @Test
  void namespacedModeWatchesTheReleaseNamespaceForItsOwnPolicyConfigMap() {
    List<HasMetadata> objects =
        ChartRenderer.renderObjects(ChartRenderer.SCALER, Map.of("namespaces[0]", "shop"));

    assertThat(env(objects)).isEqualTo("shop," + ChartRenderer.NAMESPACE);
    List<PolicyRule> releaseNamespaceRules = new ArrayList<>();
    rolesBoundToServiceAccount(objects, ChartRenderer.NAMESPACE)
        .forEach(r -> releaseNamespaceRules.addAll(r.getRules()));
    assertThat(Permission.granted(releaseNamespaceRules))
        .contains(
            new Permission("", "configmaps", "list"), new Permission("", "configmaps", "watch"));
  }

  @Test
  void namespacedModeListingTheReleaseNamespaceNamesItOnce() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("namespaces[0]", ChartRenderer.NAMESPACE);
    values.put("namespaces[1]", "shop");

    List<HasMetadata> objects = ChartRenderer.renderObjects(ChartRenderer.SCALER, values);

    assertThat(env(objects)).isEqualTo(ChartRenderer.NAMESPACE + ",shop");
  }

  @Test
  void clusterWideModeWatchesAllNamespaces() {
    List<HasMetadata> objects = ChartRenderer.renderObjects(ChartRenderer.SCALER, Map.of());

    assertThat(env(objects)).isEmpty();
  }

  @ParameterizedTest(name = "namespaces={0}")
  @ValueSource(strings = {"", "shop"})
  void grantsNoWriteVerbOnWholeWorkloads(String namespace) {
    Map<String, Object> values =
        namespace.isEmpty() ? Map.of() : Map.of("namespaces[0]", namespace);
    List<HasMetadata> objects = ChartRenderer.renderWithHooks(ChartRenderer.SCALER, values);

    Set<Permission> granted = Permission.granted(everyRuleWithoutResourceNames(objects));

    for (String workload : List.of("deployments", "statefulsets", "replicasets")) {
      assertThat(granted)
          .as("write verbs on whole %s (a pod template could be rewritten)", workload)
          .noneMatch(p -> isWrite(p, "apps", workload));
      assertThat(Permission.required()).noneMatch(p -> isWrite(p, "apps", workload));
    }
    for (String workload : List.of("deployments", "statefulsets", "replicasets")) {
      assertThat(granted)
          .contains(
              new Permission("apps", workload, "get"),
              new Permission("apps", workload + "/scale", "get"),
              new Permission("apps", workload + "/scale", "patch"));
    }
  }

  @Test
  void extraScaleTargetsGetTheObjectAndItsScaleSubresourceOnly() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("rbac.extraScaleTargets[0].apiGroup", "argoproj.io");
    values.put("rbac.extraScaleTargets[0].resource", "rollouts");

    List<HasMetadata> objects = ChartRenderer.renderObjects(ChartRenderer.SCALER, values);

    Set<Permission> granted = new TreeSet<>(Permission.granted(allRules(objects)));
    granted.removeAll(Permission.required());
    assertThat(granted)
        .containsExactlyInAnyOrder(
            new Permission("argoproj.io", "rollouts", "get"),
            new Permission("argoproj.io", "rollouts/scale", "get"),
            new Permission("argoproj.io", "rollouts/scale", "patch"));
  }

  private static boolean isWrite(Permission p, String group, String resource) {
    return p.apiGroup().equals(group)
        && p.resource().equals(resource)
        && WRITE_VERBS.contains(p.verb());
  }

  /** Every rule of every role, hooks included, but those narrowed to named objects. */
  private static List<PolicyRule> everyRuleWithoutResourceNames(List<HasMetadata> objects) {
    List<PolicyRule> rules = new ArrayList<>();
    Manifests.ofType(objects, ClusterRole.class).forEach(r -> rules.addAll(r.getRules()));
    Manifests.ofType(objects, Role.class).forEach(r -> rules.addAll(r.getRules()));
    return rules.stream()
        .filter(r -> r.getResourceNames() == null || r.getResourceNames().isEmpty())
        .toList();
  }

  /** Rules of the service's own roles; the uninstall hook's roles are tested apart. */
  private static List<PolicyRule> allRules(List<HasMetadata> objects) {
    List<PolicyRule> rules = new ArrayList<>();
    Manifests.ofType(objects, ClusterRole.class).stream()
        .filter(r -> !isHook(r))
        .forEach(r -> rules.addAll(r.getRules()));
    Manifests.ofType(objects, Role.class).stream()
        .filter(r -> !isHook(r))
        .forEach(r -> rules.addAll(r.getRules()));
    return rules;
  }

  static boolean isHook(HasMetadata object) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    return annotations != null && annotations.containsKey("helm.sh/hook");
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

  private static List<PolicyRule> clusterRulesBoundToServiceAccount(List<HasMetadata> objects) {
    List<String> boundRoles =
        Manifests.ofType(objects, ClusterRoleBinding.class).stream()
            .filter(b -> b.getSubjects().stream().anyMatch(s -> s.getName().equals(SA)))
            .map(b -> b.getRoleRef().getName())
            .toList();
    return Manifests.ofType(objects, ClusterRole.class).stream()
        .filter(r -> !isHook(r) && boundRoles.contains(r.getMetadata().getName()))
        .flatMap(r -> r.getRules().stream())
        .toList();
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
        .filter(r -> !isHook(r))
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
