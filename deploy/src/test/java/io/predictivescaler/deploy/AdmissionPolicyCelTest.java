package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CEL of the rendered ValidatingAdmissionPolicies, evaluated with cel-java: a compliant
 * Deployment passes all of them; each violation is rejected by exactly the policy meant for it.
 */
class AdmissionPolicyCelTest {

  private static Map<String, Object> compliant;
  private static Map<String, Object> compliantCronJob;

  @BeforeAll
  static void render() {
    List<HasMetadata> strategy =
        ChartRenderer.renderObjects(ChartRenderer.STRATEGY, Map.of("workloadType", "batch-jobs"));
    compliant =
        AdmissionPolicyEvaluator.asCelValue(
            Manifests.named(strategy, Deployment.class, "user-service"));
    compliantCronJob =
        AdmissionPolicyEvaluator.asCelValue(
            Manifests.named(strategy, CronJob.class, "daily-data-processing"));
  }

  @SuppressWarnings("unchecked")
  static Stream<Arguments> violations() {
    return Stream.of(
        violation(
            "require-resources",
            "container without limits",
            o -> resources(container(o)).remove("limits")),
        violation(
            "require-resources",
            "init container without resources",
            o -> podSpec(o).put("initContainers", List.of(withoutResources(container(o))))),
        violation(
            "require-run-as-non-root",
            "no runAsNonRoot anywhere",
            o -> {
              security(container(o)).remove("runAsNonRoot");
              ((Map<?, ?>) podSpec(o).get("securityContext")).remove("runAsNonRoot");
            }),
        violation(
            "require-run-as-non-root",
            "container overrides the pod with false",
            o -> security(container(o)).put("runAsNonRoot", false)),
        violation(
            "disallow-privilege-escalation",
            "allowPrivilegeEscalation true",
            o -> security(container(o)).put("allowPrivilegeEscalation", true)),
        violation(
            "disallow-privilege-escalation",
            "no securityContext",
            o -> {
              container(o).remove("securityContext");
              ((Map<String, Object>) podSpec(o).get("securityContext")).put("runAsNonRoot", true);
            },
            "require-read-only-root-filesystem"),
        violation(
            "require-read-only-root-filesystem",
            "writable root filesystem",
            o -> security(container(o)).put("readOnlyRootFilesystem", false)),
        violation(
            "require-probes", "no readiness probe", o -> container(o).remove("readinessProbe")),
        violation("require-probes", "no liveness probe", o -> container(o).remove("livenessProbe")),
        violation(
            "require-pinned-image",
            "latest tag",
            o -> container(o).put("image", "registry.example.com/platform/user-service:latest")),
        violation(
            "require-pinned-image",
            "no tag",
            o -> container(o).put("image", "registry.example.com/platform/user-service")),
        violation(
            "allowed-registries",
            "unknown registry",
            o -> container(o).put("image", "quay.io/evil/miner:1.0")),
        violation(
            "allowed-registries",
            "Docker Hub outside library/",
            o -> container(o).put("image", "docker.io/evil/miner:1.0")));
  }

  @Test
  void renderedSevenPolicies() {
    assertThat(AdmissionPolicies.byName())
        .containsOnlyKeys(
            "require-resources",
            "require-run-as-non-root",
            "disallow-privilege-escalation",
            "require-read-only-root-filesystem",
            "require-probes",
            "require-pinned-image",
            "allowed-registries");
  }

  @Test
  void admitsACompliantDeployment() {
    assertThat(AdmissionPolicies.violations(compliant)).isEmpty();
  }

  @ParameterizedTest(name = "{0} rejects {1}")
  @MethodSource("violations")
  void rejectsEachViolationWithTheMatchingPolicyOnly(
      String policy,
      String description,
      Consumer<Map<String, Object>> mutation,
      List<String> alsoRejecting) {
    Map<String, Object> object = copy(compliant);
    mutation.accept(object);

    List<String> rejectedBy =
        AdmissionPolicies.byName().entrySet().stream()
            .filter(e -> !e.getValue().violations(object).isEmpty())
            .map(Map.Entry::getKey)
            .toList();

    List<String> expected = new ArrayList<>(alsoRejecting);
    expected.add(policy);
    assertThat(rejectedBy).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void acceptsRunAsNonRootSetOnThePodOnly() {
    Map<String, Object> object = copy(compliant);
    security(container(object)).remove("runAsNonRoot");

    assertThat(AdmissionPolicies.byName().get("require-run-as-non-root").violations(object))
        .isEmpty();
  }

  @Test
  void acceptsAnImagePinnedByDigest() {
    Map<String, Object> object = copy(compliant);
    container(object)
        .put("image", "registry.example.com/platform/user-service@sha256:" + "a1".repeat(32));

    assertThat(AdmissionPolicies.violations(object)).isEmpty();
  }

  @Test
  void checksPodsAsWellAsTheirControllers() {
    Map<String, Object> pod = new LinkedHashMap<>();
    pod.put("apiVersion", "v1");
    pod.put("kind", "Pod");
    pod.put("metadata", Map.of("name", "user-service-abc"));
    pod.put("spec", copy(podSpec(compliant)));
    Map<String, Object> latest = copy(pod);
    container(latest).put("image", "registry.example.com/platform/user-service:latest");

    assertThat(AdmissionPolicies.byName().get("require-probes").matches("Pod")).isFalse();
    assertThat(AdmissionPolicies.violations(pod)).isEmpty();
    assertThat(AdmissionPolicies.violations(latest))
        .singleElement()
        .asString()
        .contains("require-pinned-image");
  }

  @Test
  void readsCronJobContainersFromTheJobTemplate() {
    Map<String, Object> latest = copy(compliantCronJob);
    container(latest).put("image", "registry.example.com/platform/data-processor:latest");

    assertThat(AdmissionPolicies.violations(compliantCronJob)).isEmpty();
    assertThat(AdmissionPolicies.violations(latest))
        .singleElement()
        .asString()
        .contains("require-pinned-image");
  }

  private static Arguments violation(
      String policy,
      String description,
      Consumer<Map<String, Object>> mutation,
      String... alsoRejecting) {
    return Arguments.of(policy, description, mutation, List.of(alsoRejecting));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> podSpec(Map<String, Object> object) {
    Map<String, Object> spec = (Map<String, Object>) object.get("spec");
    return switch (String.valueOf(object.get("kind"))) {
      case "Pod" -> spec;
      case "CronJob" ->
          podSpec(
              Map.of(
                  "kind",
                  "Job",
                  "spec",
                  ((Map<String, Object>) spec.get("jobTemplate")).get("spec")));
      default -> (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> container(Map<String, Object> object) {
    return ((List<Map<String, Object>>) podSpec(object).get("containers")).get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> security(Map<String, Object> container) {
    return (Map<String, Object>) container.get("securityContext");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resources(Map<String, Object> container) {
    return (Map<String, Object>) container.get("resources");
  }

  private static Map<String, Object> withoutResources(Map<String, Object> container) {
    Map<String, Object> init = copy(container);
    init.put("name", "init");
    init.remove("resources");
    init.remove("livenessProbe");
    init.remove("readinessProbe");
    return init;
  }

  @SuppressWarnings("unchecked")
  private static <T> T copy(T value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
      return (T) copy;
    } else if (value instanceof List<?> list) {
      return (T) new ArrayList<>(list.stream().map(AdmissionPolicyCelTest::copy).toList());
    }
    return value;
  }
}
