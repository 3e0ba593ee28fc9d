package io.predictivescaler.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code target} in the shape of an HPA's {@code scaleTargetRef}, for every kind of target. */
class TargetParsingTest {

  private static final WorkloadKind ROLLOUT = new WorkloadKind("argoproj.io/v1alpha1", "Rollout");

  @Test
  void aNameAloneIsADeploymentInTheConfigMapsNamespace() {
    assertThat(target("{name: checkout}")).isEqualTo(TargetRef.deployment("shop", "checkout"));
    assertThat(target("{kind: Deployment, apiVersion: apps/v1, name: checkout}"))
        .isEqualTo(TargetRef.deployment("shop", "checkout"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"StatefulSet", "ReplicaSet", "Deployment"})
  void builtInKindsNeedNoApiVersion(String kind) {
    TargetRef target = target("{kind: " + kind + ", namespace: data, name: db}");

    assertThat(target.kind().kind()).isEqualTo(kind);
    assertThat(target.kind().apiVersion()).isEqualTo("apps/v1");
    assertThat(target.kind().isBuiltIn()).isTrue();
    assertThat(target.namespace()).isEqualTo("data");
    assertThat(target.toString()).isEqualTo(kind + " data/db");
  }

  @Test
  void aCustomResourceIsNamedByApiVersionAndKind() {
    TargetRef web = target("{apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web}");

    assertThat(web).isEqualTo(new TargetRef(ROLLOUT, "shop", "web"));
    assertThat(web.kind().group()).isEqualTo("argoproj.io");
    assertThat(web.kind().isBuiltIn()).isFalse();
    assertThat(web.toString()).isEqualTo("Rollout.argoproj.io shop/web");
  }

  @Test
  void versionsOfOneGroupNameTheSameTargetButKindsAndGroupsDoNot() {
    TargetRef alpha = target("{apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web}");
    TargetRef beta = target("{apiVersion: argoproj.io/v1beta1, kind: Rollout, name: web}");
    TargetRef other = target("{apiVersion: example.com/v1alpha1, kind: Rollout, name: web}");

    assertThat(alpha).isEqualTo(beta).hasSameHashCodeAs(beta);
    assertThat(alpha.compareTo(beta)).isZero();
    assertThat(alpha).isNotEqualTo(other).isNotEqualTo(TargetRef.deployment("shop", "web"));
    assertThat(alpha.compareTo(other)).isNotZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{kind: Rollout, name: web}|workloads[0].target.apiVersion: required for kind Rollout,"
            + " which is not built in (Deployment, StatefulSet, ReplicaSet): the group/version of"
            + " its API, like argoproj.io/v1alpha1 for an Argo Rollout",
        "{kind: deployment, name: web}|workloads[0].target.kind: must be a Kubernetes kind"
            + " (CamelCase letters and digits, like StatefulSet), got deployment (did you mean"
            + " Deployment?)",
        "{kind: Roll-out, apiVersion: argoproj.io/v1alpha1, name: web}|workloads[0].target.kind:"
            + " must be a Kubernetes kind (CamelCase letters and digits, like StatefulSet), got"
            + " Roll-out",
        "{kind: Rollout, apiVersion: Argoproj.io/v1alpha1, name: web}|workloads[0].target"
            + ".apiVersion: must be group/version (like argoproj.io/v1alpha1) or a core version"
            + " (v1), got Argoproj.io/v1alpha1",
        "{kind: Rollout, apiVersion: argoproj.io/1, name: web}|workloads[0].target.apiVersion:"
            + " must be group/version (like argoproj.io/v1alpha1) or a core version (v1), got"
            + " argoproj.io/1",
        "{kind: ReplicaSet, apiVersion: extensions/v1beta1, name: web}|workloads[0].target"
            + ".apiVersion: must be apps/v1 for ReplicaSet, got extensions/v1beta1",
        "{kind: DaemonSet, apiVersion: apps/v1, name: web}|workloads[0].target.kind: must be one"
            + " of Deployment, StatefulSet, ReplicaSet for apps (the apps kinds with a scale"
            + " subresource), got DaemonSet",
        "{kind: Rollout, apiVersion: argoproj.io/v1alpha1, name: Web}|workloads[0].target.name:"
            + " must be a DNS-1123 subdomain (lowercase letters, digits, '-' and '.'), got Web",
        "{kind: [Rollout], name: web}|workloads[0].target.kind: must be a string, got a list",
        "{kind: StatefulSet, name: db, replicas: 3}|workloads[0].target.replicas: unknown field",
      })
  void badTargetsAreRejectedAtTheirField(String target, String message) {
    ParseResult result = PolicyParser.parse(document(target), "shop");

    assertThat(result.messages()).containsExactly(message);
  }

  @Test
  void unmanagedTargetsOfAnInvalidDocumentAreNamedWithTheirKind() {
    String yaml =
        document("{apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web}")
            + "  - target: {kind: StatefulSet, name: db}\n"
            + "    maxReplicas: -1\n";

    assertThat(PolicyParser.parse(yaml, "shop").isValid()).isFalse();
    assertThat(UnmanagedTargets.targets(yaml, "shop"))
        .extracting(TargetRef::toString)
        .containsExactly("Rollout.argoproj.io shop/web", "StatefulSet shop/db");
  }

  @Test
  void aKindIsCheckedWhereverItIsBuilt() {
    assertThatThrownBy(() -> new WorkloadKind("apps/v1", "deployment"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WorkloadKind("argoproj.io", "Rollout"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new WorkloadKind("v1", "ReplicationController").group()).isEmpty();
  }

  private static TargetRef target(String target) {
    ParseResult result = PolicyParser.parse(document(target), "shop");
    assertThat(result.messages()).isEmpty();
    return result.document().orElseThrow().workloads().get(0).target();
  }

  private static String document(String target) {
    return "workloads:\n"
        + "  - target: "
        + target
        + "\n"
        + "    metric: {prometheus: 'sum(rate(http_requests_total[1m]))'}\n"
        + "    targetPerReplica: 120\n"
        + "    maxReplicas: 40\n";
  }
}
