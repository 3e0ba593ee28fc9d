package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * helm uninstall restores every HPA floor the scaler raised: a post-delete hook Job running the
 * scaler image with {@code restore-hpa-floors}, under RBAC of its own that can do nothing the
 * service itself could not.
 */
class ScalerUninstallHookTest {

  private static final String NAME = ScalerPods.FULLNAME + "-restore-hpa-floors";

  @Test
  void aPostDeleteJobRunsRestoreHpaFloorsWithTheScalerImage() {
    List<HasMetadata> objects = ChartRenderer.renderWithHooks(ChartRenderer.SCALER, Map.of());

    Job job = Manifests.named(objects, Job.class, NAME);
    Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
    Container scaler = ScalerPods.template(objects).getSpec().getContainers().get(0);
    assertThat(hook(job)).containsEntry("helm.sh/hook", "post-delete");
    assertThat(container.getImage()).isEqualTo(scaler.getImage());
    assertThat(container.getCommand()).isNullOrEmpty();
    assertThat(container.getArgs()).containsExactly("restore-hpa-floors");
    assertThat(job.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo(NAME);
    assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
    assertThat(job.getSpec().getBackoffLimit()).isPositive();
    assertThat(job.getSpec().getActiveDeadlineSeconds()).isPositive();
  }

  @Test
  void theJobRunsRestrictedWithRequestsAndLimits() {
    Job job =
        Manifests.named(
            ChartRenderer.renderWithHooks(ChartRenderer.SCALER, Map.of()), Job.class, NAME);

    Container container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
    var security = container.getSecurityContext();
    assertThat(security.getRunAsNonRoot()).isTrue();
    assertThat(security.getReadOnlyRootFilesystem()).isTrue();
    assertThat(security.getAllowPrivilegeEscalation()).isFalse();
    assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
    assertThat(container.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp"));
  }

  @Test
  void theJobReadsTheSameNamespacesAndLeaseAsTheService() {
    List<HasMetadata> objects =
        ChartRenderer.renderWithHooks(ChartRenderer.SCALER, Map.of("namespaces[0]", "shop"));

    Map<String, EnvVar> job =
        ScalerPods.env(
            Manifests.named(objects, Job.class, NAME)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0));
    Map<String, EnvVar> service =
        ScalerPods.env(ScalerPods.template(objects).getSpec().getContainers().get(0));
    for (String variable :
        List.of(
            "PREDICTIVE_SCALER_NAMESPACES",
            "PREDICTIVE_SCALER_LEASE_NAME",
            "PREDICTIVE_SCALER_LEASE_NAMESPACE",
            "PREDICTIVE_SCALER_LOG_FORMAT",
            "PREDICTIVE_SCALER_LOG_LEVEL")) {
      assertThat(job.get(variable)).as(variable).isEqualTo(service.get(variable));
    }
  }

  @Test
  void rbacAndServiceAccountExistBeforeTheJobAndGoWithIt() {
    List<HasMetadata> objects = ChartRenderer.renderWithHooks(ChartRenderer.SCALER, Map.of());

    List<HasMetadata> hookObjects = objects.stream().filter(ScalerRbacTest::isHook).toList();
    int jobWeight = weight(Manifests.named(objects, Job.class, NAME));
    assertThat(hookObjects)
        .extracting(HasMetadata::getKind)
        .containsExactlyInAnyOrder(
            "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Job");
    assertThat(hookObjects)
        .allSatisfy(
            o -> {
              assertThat(hook(o)).containsEntry("helm.sh/hook", "post-delete");
              assertThat(hook(o).get("helm.sh/hook-delete-policy"))
                  .contains("before-hook-creation")
                  .contains("hook-succeeded");
            });
    assertThat(hookObjects)
        .filteredOn(o -> !(o instanceof Job))
        .allSatisfy(o -> assertThat(weight(o)).isLessThan(jobWeight));
    assertThat(Manifests.named(objects, ServiceAccount.class, NAME)).isNotNull();
  }

  @Test
  void clusterWideTheHookMayOnlyListAndPatchHpasAndReadTheLease() {
    List<HasMetadata> objects = ChartRenderer.renderWithHooks(ChartRenderer.SCALER, Map.of());

    ClusterRole role = Manifests.named(objects, ClusterRole.class, NAME);
    assertThat(Permission.granted(role.getRules()))
        .containsExactlyInAnyOrder(
            new Permission("autoscaling", "horizontalpodautoscalers", "list"),
            new Permission("autoscaling", "horizontalpodautoscalers", "patch"))
        .isSubsetOf(Permission.required());
    assertThat(Manifests.named(objects, ClusterRoleBinding.class, NAME).getSubjects())
        .singleElement()
        .satisfies(s -> assertThat(s.getName()).isEqualTo(NAME));
    assertLeaseReadOnly(objects);
  }

  @Test
  void namespacedTheHookGetsARoleInEachWatchedNamespace() {
    List<HasMetadata> objects =
        ChartRenderer.renderWithHooks(ChartRenderer.SCALER, Map.of("namespaces[0]", "shop"));

    assertThat(Manifests.ofType(objects, ClusterRole.class)).noneMatch(ScalerRbacTest::isHook);
    List<Role> roles =
        Manifests.ofType(objects, Role.class).stream()
            .filter(r -> r.getMetadata().getName().equals(NAME))
            .toList();
    assertThat(roles)
        .extracting(r -> r.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("shop", ChartRenderer.NAMESPACE);
    List<PolicyRule> rules = new ArrayList<>();
    roles.forEach(r -> rules.addAll(r.getRules()));
    assertThat(Permission.granted(rules)).isSubsetOf(Permission.required());
    assertThat(Manifests.ofType(objects, RoleBinding.class))
        .filteredOn(b -> b.getMetadata().getName().equals(NAME))
        .hasSize(2)
        .allSatisfy(b -> assertThat(b.getSubjects().get(0).getName()).isEqualTo(NAME));
    assertLeaseReadOnly(objects);
  }

  @Test
  void disabledRendersNoHook() {
    List<HasMetadata> objects =
        ChartRenderer.renderWithHooks(
            ChartRenderer.SCALER, Map.of("restoreHpaFloorsOnUninstall.enabled", false));

    assertThat(objects).noneMatch(ScalerRbacTest::isHook);
    assertThat(Manifests.ofType(objects, Job.class)).isEmpty();
  }

  @Test
  void hooksAreNotPartOfTheReleaseManifest() {
    List<HasMetadata> release = ChartRenderer.renderObjects(ChartRenderer.SCALER, Map.of());

    assertThat(release).noneMatch(ScalerRbacTest::isHook);
  }

  private static void assertLeaseReadOnly(List<HasMetadata> objects) {
    Role lease = Manifests.named(objects, Role.class, NAME + "-lease");
    assertThat(lease.getMetadata().getNamespace()).isEqualTo(ChartRenderer.NAMESPACE);
    assertThat(lease.getRules())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getResources()).containsExactly("leases");
              assertThat(rule.getVerbs()).containsExactly("get");
              assertThat(rule.getResourceNames()).containsExactly(ScalerPods.FULLNAME);
            });
  }

  private static Map<String, String> hook(HasMetadata object) {
    return object.getMetadata().getAnnotations();
  }

  private static int weight(HasMetadata object) {
    return Integer.parseInt(hook(object).get("helm.sh/hook-weight"));
  }
}
