package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the {@code helm install}, {@code upgrade} and {@code uninstall} commands of the docs, each
 * doc's in its order, with helm-java against fabric8's mock API server ({@link HelmApiServer}), and
 * checks what they leave in the API. Every other {@code helm} or {@code kubectl} command of the
 * docs must be listed in {@link #NOT_RUN_HERE} with the reason, or the first test fails.
 */
class DocsInstallCommandsTest {

  /** Commands not run here, by the start of their text, with the reason. */
  static final Map<String, String> NOT_RUN_HERE =
      Map.ofEntries(
          Map.entry(
              "kubectl -n predictive-scaler rollout status",
              "waits for Ready pods: the mock API server runs no controller and no kubelet"),
          Map.entry(
              "kubectl -n predictive-scaler get pods",
              "no pod exists: the mock API server runs no controller and no kubelet"),
          Map.entry(
              "kubectl -n predictive-scaler get lease",
              "the Lease is written by the running service's leader election, which does not run"),
          Map.entry(
              "kubectl apply -f",
              "the answer shown comes from the running scaler and its admission webhook, which the"
                  + " mock API server does not call"),
          Map.entry(
              "kubectl -n shop get",
              "Events and the last-decision annotation are written by the running service"),
          Map.entry(
              "kubectl get hpa -A",
              "reads HPA floors raised by a running scaler; the JSONPath and the patch were checked"
                  + " with kubectl --local, as the text says"),
          Map.entry("kubectl -n \"$ns\" patch hpa", "the loop's patch: see kubectl get hpa -A"),
          Map.entry(
              "kubectl -n predictive-scaler port-forward", "forwards to a running pod; none runs"),
          Map.entry(
              "kubectl -n predictive-scaler create token",
              "needs the TokenRequest API, which the mock API server does not serve"),
          Map.entry(
              "kubectl -n predictive-scaler create serviceaccount",
              "kubectl create sends protobuf, which the mock API server cannot read (only the"
                  + " release Secrets Helm writes are decoded)"),
          Map.entry(
              "kubectl create clusterrolebinding",
              "kubectl create sends protobuf, which the mock API server cannot read"));

  private static final String RELEASE = "predictive-scaler";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyCommandInTheDocsIsRunOrListedAsNotRunHereWithItsReason() {
    List<DocCommand> commands = DocCommand.inDocs();
    List<String> unaccounted = new ArrayList<>();
    System.out.println("Commands of the docs not run by " + getClass().getSimpleName() + ":");
    for (DocCommand command : commands) {
      if (command.isHelm()) {
        HelmCommandLine.parse(command);
        continue;
      }
      Optional<String> reason = reasonNotRun(command);
      reason.ifPresentOrElse(
          r -> System.out.println("  NOT RUN " + command + "\n          because " + r),
          () -> unaccounted.add(command.toString()));
    }
    assertThat(unaccounted).as("commands neither run nor listed in NOT_RUN_HERE").isEmpty();
    assertThat(NOT_RUN_HERE.keySet())
        .as("NOT_RUN_HERE entries that no command of the docs matches any more")
        .allSatisfy(prefix -> assertThat(commands).anyMatch(c -> c.text().startsWith(prefix)));
    assertThat(commands).filteredOn(DocCommand::isHelm).hasSizeGreaterThanOrEqualTo(5);
  }

  static Stream<String> docsWithHelmCommands() {
    return DocCommand.DOCS.stream()
        .filter(
            doc -> DocCommand.inDocs().stream().anyMatch(c -> c.file().equals(doc) && c.isHelm()));
  }

  @ParameterizedTest
  @MethodSource("docsWithHelmCommands")
  void theHelmCommandsOfADocInstallUpgradeAndUninstallTheRelease(String doc, @TempDir Path dir) {
    List<HelmCommandLine> steps =
        DocCommand.inDocs().stream()
            .filter(c -> c.file().equals(doc) && c.isHelm())
            .map(HelmCommandLine::parse)
            .toList();
    Map<String, Path> files = Map.of("my-values.yaml", installValuesFile(steps, dir));
    try (HelmApiServer server = new HelmApiServer();
        KubernetesClient client = server.client()) {
      List<HasMetadata> previous = List.of();
      for (HelmCommandLine step : steps) {
        if (step.verb.equals("uninstall")) {
          uninstall(server, client, step, previous);
          continue;
        }
        String status = step.run(server.kubeconfig(), files);
        System.out.println("RAN " + step.source + " -> " + status);
        assertThat(server.failures()).as(step.source.toString()).isEmpty();
        assertThat(status).as(step.source.toString()).isEqualTo("deployed");
        ReleaseRecord release =
            ReleaseRecord.newest(client, step.namespace, step.release).orElseThrow();
        assertThat(release.status()).isEqualTo("deployed");
        assertThat(release.manifest())
            .as("objects of " + step.source)
            .hasSizeGreaterThanOrEqualTo(10);
        for (HasMetadata object : release.manifest()) {
          assertStoredAsRendered(client, step.namespace, object, step.source);
        }
        for (HasMetadata dropped : previous) {
          if (release.manifest().stream().noneMatch(o -> sameObject(o, dropped))) {
            assertThat(stored(client, step.namespace, dropped))
                .as(describe(dropped) + " dropped from the release by " + step.source)
                .isNull();
          }
        }
        if ("true".equals(step.sets.get("webhook.enabled"))) {
          assertThat(release.manifest())
              .as("webhook objects after " + step.source)
              .extracting(HasMetadata::getKind)
              .contains("ValidatingWebhookConfiguration");
        }
        previous = release.manifest();
      }
    }
  }

  @Test
  void theOperationsGuideTurnsTheWebhookOnAndOffAgain() {
    List<String> helm =
        DocCommand.inDocs().stream()
            .filter(c -> c.file().equals("docs/OPERATIONS.md") && c.isHelm())
            .map(DocCommand::text)
            .toList();
    assertThat(helm.get(0)).startsWith("helm install ");
    assertThat(helm).anyMatch(c -> c.contains("--set webhook.enabled=true"));
    assertThat(helm.get(helm.size() - 2)).doesNotContain("webhook");
    assertThat(helm.get(helm.size() - 1)).startsWith("helm uninstall ");
  }

  private static void uninstall(
      HelmApiServer server,
      KubernetesClient client,
      HelmCommandLine step,
      List<HasMetadata> installed) {
    // What the service and the teams create at run time, which the docs say uninstall leaves.
    client
        .resource(
            new LeaseBuilder()
                .withNewMetadata()
                .withName(RELEASE)
                .withNamespace(step.namespace)
                .endMetadata()
                .withNewSpec()
                .withHolderIdentity("pod-a")
                .endSpec()
                .build())
        .create();
    client
        .resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build())
        .create();
    client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("scaling-policies")
                .withNamespace("shop")
                .addToLabels("predictive-scaler.io/policy", "true")
                .endMetadata()
                .addToData("policies.yaml", "workloads: []\n")
                .build())
        .create();

    String output = step.run(server.kubeconfig(), Map.of());
    System.out.println("RAN " + step.source + " -> " + output.strip());
    assertThat(server.failures()).as(step.source.toString()).isEmpty();

    assertThat(installed).isNotEmpty();
    for (HasMetadata object : installed) {
      assertThat(stored(client, step.namespace, object))
          .as(describe(object) + " after " + step.source)
          .isNull();
    }
    assertThat(ReleaseRecord.secrets(client, step.namespace, step.release)).isEmpty();
    assertThat(server.requests())
        .as("the post-delete hook Job restoring HPA floors was created")
        .anyMatch(
            r ->
                r.startsWith("POST /apis/batch/v1/namespaces/" + step.namespace + "/jobs")
                    && r.endsWith("-> 201"));
    assertThat(client.leases().inNamespace(step.namespace).withName(RELEASE).get())
        .as("the Lease is left behind, as the uninstall section says")
        .isNotNull();
    assertThat(client.configMaps().inNamespace("shop").withName("scaling-policies").get())
        .as("policy ConfigMaps are left behind")
        .isNotNull();
    assertThat(client.namespaces().withName(step.namespace).get())
        .as("the release namespace stays")
        .isNotNull();
  }

  private static void assertStoredAsRendered(
      KubernetesClient client, String namespace, HasMetadata rendered, DocCommand source) {
    HasMetadata stored = stored(client, namespace, rendered);
    assertThat(stored).as(describe(rendered) + " after " + source).isNotNull();
    ObjectNode expected = JSON.valueToTree(rendered);
    expected.remove("metadata");
    ObjectNode actual = JSON.valueToTree(stored);
    assertThat(mismatch("", expected, actual))
        .as(describe(rendered) + " after " + source)
        .isEmpty();
    assertThat(stored.getMetadata().getLabels())
        .containsAllEntriesOf(rendered.getMetadata().getLabels());
  }

  /** The first path where {@code expected} has a value {@code actual} lacks or differs in. */
  private static Optional<String> mismatch(String path, JsonNode expected, JsonNode actual) {
    if (expected.isObject()) {
      for (var it = expected.fields(); it.hasNext(); ) {
        var field = it.next();
        Optional<String> inner =
            mismatch(path + "." + field.getKey(), field.getValue(), actual.path(field.getKey()));
        if (inner.isPresent()) {
          return inner;
        }
      }
      return Optional.empty();
    }
    return expected.equals(actual)
        ? Optional.empty()
        : Optional.of(path + ": rendered " + expected + ", stored " + actual);
  }

  private static HasMetadata stored(KubernetesClient client, String namespace, HasMetadata object) {
    boolean namespaced =
        ApiDiscovery.RESOURCES.stream()
            .filter(r -> r.kind().equals(object.getKind()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no discovery entry for " + object.getKind()))
            .namespaced();
    return namespaced
        ? client.resource(object).inNamespace(namespace).get()
        : client.resource(object).get();
  }

  private static boolean sameObject(HasMetadata a, HasMetadata b) {
    return a.getKind().equals(b.getKind())
        && a.getMetadata().getName().equals(b.getMetadata().getName());
  }

  private static String describe(HasMetadata object) {
    return object.getKind() + " " + object.getMetadata().getName();
  }

  /**
   * {@code my-values.yaml}: "same values as the install", as the upgrade section says: the {@code
   * --set} values of the doc's {@code helm install}, as a values file.
   */
  private static Path installValuesFile(List<HelmCommandLine> steps, Path dir) {
    Map<String, Object> values = new LinkedHashMap<>();
    steps.stream()
        .filter(s -> s.verb.equals("install"))
        .findFirst()
        .ifPresent(install -> install.sets.forEach((key, value) -> put(values, key, value)));
    Path file = dir.resolve("my-values.yaml");
    try {
      Files.writeString(file, new YAMLMapper().writeValueAsString(values));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> values, String dottedKey, String value) {
    String[] keys = dottedKey.split("\\.");
    Map<String, Object> map = values;
    for (int i = 0; i < keys.length - 1; i++) {
      map = (Map<String, Object>) map.computeIfAbsent(keys[i], k -> new LinkedHashMap<>());
    }
    map.put(
        keys[keys.length - 1],
        value.equals("true") || value.equals("false") ? Boolean.valueOf(value) : value);
  }

  private static Optional<String> reasonNotRun(DocCommand command) {
    return NOT_RUN_HERE.entrySet().stream()
        .filter(e -> command.text().startsWith(e.getKey()))
        .map(Map.Entry::getValue)
        .findFirst();
  }
}
