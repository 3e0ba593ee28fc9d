package io.predictivescaler.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.predictivescaler.core.kube.MockApiServerShutdown;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

// The project's Prometheus registry is the simpleclient one (docs/ARCHITECTURE.md §10), deprecated
// upstream.
@SuppressWarnings("deprecation")
@EnableKubernetesMockClient(crud = true, https = false)
class ConfigMapPolicyWatcherTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final TargetRef CHECKOUT = TargetRef.deployment("shop", "checkout");
  private static final TargetRef CART = TargetRef.deployment("shop", "cart");

  KubernetesClient client;
  KubernetesMockServer server;

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<PolicySet> published = new CopyOnWriteArrayList<>();
  private ConfigMapPolicyWatcher watcher;
  private MeterRegistry gauges;

  @AfterEach
  void stopWatching() {
    if (watcher != null) {
      watcher.close();
    }
    client.close();
    MockApiServerShutdown.shutDown(server);
  }

  @Test
  void publishesThePoliciesPresentAtStartOnceSynced() throws Exception {
    create(policyConfigMap("shop", "policies", workload("checkout", 10)));

    startWatching(PolicyWatchOptions.allNamespaces(Optional.empty()));

    assertThat(published).hasSize(1);
    assertThat(published.get(0).workloads().keySet()).containsExactly(CHECKOUT);
    assertThat(watcher.current()).isEqualTo(published.get(0));
  }

  @Test
  void publishesAnEmptySetWhenThereIsNoPolicy() throws Exception {
    startWatching(PolicyWatchOptions.allNamespaces(Optional.empty()));

    assertThat(published).containsExactly(PolicySet.EMPTY);
  }

  @Test
  void newLabelledConfigMapIsPublished() throws Exception {
    startWatching(PolicyWatchOptions.allNamespaces(Optional.empty()));

    create(policyConfigMap("shop", "policies", workload("checkout", 10)));

    await().atMost(WAIT).until(() -> latest().policy(CHECKOUT).isPresent());
    assertThat(latest().source(CHECKOUT)).contains(new ConfigMapRef("shop", "policies"));
    assertThat(counter("accepted")).isEqualTo(1);
  }

  @Test
  void updatedConfigMapPublishesTheNewPolicy() throws Exception {
    create(policyConfigMap("shop", "policies", workload("checkout", 10)));
    startWatching(PolicyWatchOptions.allNamespaces(Optional.empty()));

    update("shop", "policies", workload("checkout", 25));

    await().atMost(WAIT).until(() -> maxReplicas(CHECKOUT) == 25);
  }

  @Test
  void invalidUpdateKeepsTheLastGoodPolicyAndIsReported() throws Exception {
    create(policyConfigMap("shop", "policies", workload("checkout", 10)));
    startWatching(PolicyWatchOptions.allNamespaces(Optional.empty()));

    update("shop", "policies", workload("checkout", 0));

    await().atMost(WAIT).until(() -> !invalidPolicyEvents("shop", "policies").isEmpty());
    Event event = invalidPolicyEvents("shop", "policies").get(0);
    assertThat(event.getType()).isEqualTo("Warning");
    assertThat(event.getMessage())
        .isEqualTo(
            "policies.yaml rejected, last good policy kept (1 error):"
                + " workloads[0].maxReplicas: must be >= 1, got 0");
    assertThat(counter("rejected")).isEqualTo(1);
    assertThat(maxReplicas(CHECKOUT)).isEqualTo(10);
    assertThat(published).hasSize(1);
  }

  @Test
  void aTenantQueryForAnotherNamespaceIsRejectedAndReportedWhileATrustedOneRuns() throws Exception {
    String ledger =
        """
        workloads:
          - target: {namespace: payments, name: ledger}
            metric: {prometheus: 'sum(rate(tx_total{namespace="payments"}[1m]))'}
            targetPerReplica: 100
            maxReplicas: 4
        """;
    create(policyConfigMap("ops", "platform", ledger));
    create(policyConfigMap("shop", "policies", ledger.replace("namespace: payments, ", "")));

    startWatching(new PolicyWatchOptions(List.of(), Optional.of("ops"), Set.of("ops")));

    await().atMost(WAIT).until(() -> !invalidPolicyEvents("shop", "policies").isEmpty());
    assertThat(latest().workloads().keySet())
        .containsExactly(TargetRef.deployment("payments", "ledger"));
    assertThat(invalidPolicyEvents("shop", "policies").get(0).getMessage())
        .startsWith(
            "policies.yaml rejected, no last good policy since the scaler started, so its"
                + " workloads are unmanaged (Deployment shop/ledger) (1 error):"
                + " workloads[0].metric.prometheus: cannot be confined to the ConfigMap's"
                + " namespace (shop)")
        .contains("asks for namespace=\"payments\"");
    assertThat(counter("rejected")).isEqualTo(1);
    assertThat(counter("accepted", "ops", "platform")).isEqualTo(1);
  }

  @Test
  void deletedConfigMapRemovesItsWorkloads() throws Exception {
    create(policyConfigMap("shop", "a", workload("checkout", 10)));
    create(policyConfigMap("shop", "b", workload("cart", 5)));
    startWatching(PolicyWatchOptions.allNamespaces(Optional.empty()));

    client.configMaps().inNamespace("shop").withName("a").delete();

    await().atMost(WAIT).until(() -> latest().policy(CHECKOUT).isEmpty());
    assertThat(latest().workloads().keySet()).containsExactly(CART);
  }

  @Test
  void unlabelledConfigMapIsIgnored() throws Exception {
    startWatching(PolicyWatchOptions.allNamespaces(Optional.empty()));

    create(
        new ConfigMapBuilder(policyConfigMap("shop", "notes", workload("cart", 5)))
            .editMetadata()
            .withLabels(Map.of())
            .endMetadata()
            .build());
    create(policyConfigMap("shop", "policies", workload("checkout", 10)));

    await().atMost(WAIT).until(() -> latest().policy(CHECKOUT).isPresent());
    assertThat(latest().workloads().keySet()).containsExactly(CHECKOUT);
  }

  @Test
  void configMapsOutsideTheWatchedNamespacesAreIgnored() throws Exception {
    startWatching(new PolicyWatchOptions(List.of("shop", "search"), Optional.empty()));

    create(policyConfigMap("payments", "policies", workload("ledger", 5)));
    create(policyConfigMap("search", "policies", workload("indexer", 5)));
    create(policyConfigMap("shop", "policies", workload("checkout", 10)));

    await().atMost(WAIT).until(() -> latest().size() == 2);
    assertThat(latest().workloads().keySet())
        .containsExactly(TargetRef.deployment("search", "indexer"), CHECKOUT);
  }

  @Test
  void theOldestConfigMapOwnsAWorkloadAcrossRestartsAndTheOtherIsToldItIsShadowed()
      throws Exception {
    createOneSecondApart(
        policyConfigMap("shop", "b", workload("checkout", 20)),
        policyConfigMap("shop", "a", workload("checkout", 10)));
    startWatching(PolicyWatchOptions.allNamespaces(Optional.empty()));
    ConfigMapRef firstOwner = latest().source(CHECKOUT).orElseThrow();
    watcher.close();
    published.clear();

    startWatching(PolicyWatchOptions.allNamespaces(Optional.empty()), new SimpleMeterRegistry());

    assertThat(firstOwner).isEqualTo(new ConfigMapRef("shop", "b"));
    assertThat(latest().source(CHECKOUT)).contains(firstOwner);
    assertThat(maxReplicas(CHECKOUT)).isEqualTo(20);
    await().atMost(WAIT).until(() -> !events("ShadowedPolicy", "shop", "a").isEmpty());
    assertThat(events("ShadowedPolicy", "shop", "a").get(0).getMessage())
        .isEqualTo(
            "Deployment shop/checkout is also defined in ConfigMap shop/b, which is older and"
                + " owns it: this definition is not in force");
    assertThat(gauge("shadowed.workloads")).isEqualTo(1);
  }

  @Test
  void whenTheOwnerIsDeletedTheShadowedDefinitionTakesOver() throws Exception {
    create(policyConfigMap("shop", "a", workload("checkout", 10)));
    startWatching(PolicyWatchOptions.allNamespaces(Optional.empty()));
    create(policyConfigMap("shop", "b", workload("checkout", 20)));
    await().atMost(WAIT).until(() -> gauge("shadowed.workloads") == 1);

    client.configMaps().inNamespace("shop").withName("a").delete();

    await().atMost(WAIT).until(() -> maxReplicas(CHECKOUT) == 20);
    assertThat(latest().source(CHECKOUT)).contains(new ConfigMapRef("shop", "b"));
    assertThat(gauge("shadowed.workloads")).isZero();
    assertThat(events("InvalidPolicy", "shop", "b")).isEmpty();
  }

  @Test
  void afterARestartAnInvalidConfigMapsWorkloadsAreReportedUnmanaged() throws Exception {
    create(
        policyConfigMap(
            "shop",
            "policies",
            workload("checkout", 10) + PolicyStoreTest.workloadItem("cart", 0)));

    startWatching(PolicyWatchOptions.allNamespaces(Optional.empty()));

    await().atMost(WAIT).until(() -> !invalidPolicyEvents("shop", "policies").isEmpty());
    assertThat(invalidPolicyEvents("shop", "policies").get(0).getMessage())
        .isEqualTo(
            "policies.yaml rejected, no last good policy since the scaler started, so its"
                + " workloads are unmanaged (Deployment shop/checkout, Deployment shop/cart)"
                + " (1 error): workloads[1].maxReplicas: must be >= 1, got 0");
    assertThat(gauge("unmanaged.workloads")).isEqualTo(2);
    assertThat(gauge("unmanaged.configmaps")).isEqualTo(1);
    assertThat(latest().size()).isZero();

    update("shop", "policies", workload("checkout", 10));

    await().atMost(WAIT).until(() -> latest().policy(CHECKOUT).isPresent());
    assertThat(gauge("unmanaged.workloads")).isZero();
    assertThat(gauge("unmanaged.configmaps")).isZero();
  }

  @Test
  void afterARestartANewerConfigMapDoesNotTakeAWorkloadFromAnInvalidOlderOne() throws Exception {
    createOneSecondApart(
        policyConfigMap("shop", "policies", workload("checkout", 0)),
        policyConfigMap("shop", "hostile", workload("checkout", 500)));

    startWatching(PolicyWatchOptions.allNamespaces(Optional.empty()));

    assertThat(latest().policy(CHECKOUT)).isEmpty();
    await().atMost(WAIT).until(() -> !events("ShadowedPolicy", "shop", "hostile").isEmpty());
    assertThat(invalidPolicyEvents("shop", "policies").get(0).getMessage())
        .startsWith(
            "policies.yaml rejected, no last good policy since the scaler started, so its"
                + " workloads are unmanaged (Deployment shop/checkout)");
    assertThat(gauge("unmanaged.workloads")).isEqualTo(1);
    assertThat(gauge("shadowed.workloads")).isEqualTo(1);

    update("shop", "policies", workload("checkout", 10));

    await().atMost(WAIT).until(() -> latest().policy(CHECKOUT).isPresent());
    assertThat(latest().source(CHECKOUT)).contains(new ConfigMapRef("shop", "policies"));
    assertThat(maxReplicas(CHECKOUT)).isEqualTo(10);
  }

  @Test
  void countersAreExportedWithPrometheusNamesAndNameTheConfigMap() throws Exception {
    startWatching(PolicyWatchOptions.allNamespaces(Optional.empty()));

    create(policyConfigMap("shop", "policies", "workloads: [oops]"));

    await().atMost(WAIT).until(() -> counter("rejected") == 1);
    assertThat(registry.scrape())
        .contains(
            "predictive_scaler_config_rejected_total{configmap=\"policies\",namespace=\"shop\",}"
                + " 1.0")
        .contains(
            "predictive_scaler_config_accepted_total{configmap=\"policies\",namespace=\"shop\",}"
                + " 0.0");
  }

  @Test
  void eachConfigMapCountsOnItsOwnSeriesUntilItIsDeleted() throws Exception {
    create(policyConfigMap("shop", "a", workload("checkout", 10)));
    create(policyConfigMap("shop", "b", workload("cart", 5)));
    startWatching(PolicyWatchOptions.allNamespaces(Optional.empty()));

    update("shop", "b", workload("cart", 0));
    await().atMost(WAIT).until(() -> !invalidPolicyEvents("shop", "b").isEmpty());
    String bothPresent = registry.scrape();
    client.configMaps().inNamespace("shop").withName("b").delete();
    await().atMost(WAIT).until(() -> latest().policy(CART).isEmpty());

    assertThat(bothPresent)
        .contains(
            "predictive_scaler_config_accepted_total{configmap=\"a\",namespace=\"shop\",} 1.0")
        .contains(
            "predictive_scaler_config_rejected_total{configmap=\"a\",namespace=\"shop\",} 0.0")
        .contains(
            "predictive_scaler_config_accepted_total{configmap=\"b\",namespace=\"shop\",} 1.0")
        .contains(
            "predictive_scaler_config_rejected_total{configmap=\"b\",namespace=\"shop\",} 1.0");
    assertThat(registry.scrape())
        .contains(
            "predictive_scaler_config_accepted_total{configmap=\"a\",namespace=\"shop\",} 1.0")
        .doesNotContain("configmap=\"b\"");
  }

  private void startWatching(PolicyWatchOptions options) throws Exception {
    startWatching(options, registry);
  }

  private void startWatching(PolicyWatchOptions options, MeterRegistry meters) throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    gauges = meters;
    watcher = new ConfigMapPolicyWatcher(client, options, meters, clock, published::add);
    watcher.start().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private PolicySet latest() {
    return published.isEmpty() ? PolicySet.EMPTY : published.get(published.size() - 1);
  }

  private int maxReplicas(TargetRef target) {
    return latest().policy(target).map(WorkloadPolicy::maxReplicas).orElse(-1);
  }

  /** The counter of {@code shop/policies}; 0 before its first version is handled. */
  private double counter(String outcome) {
    return counter(outcome, "shop", "policies");
  }

  private double counter(String outcome, String namespace, String configMap) {
    Counter counter =
        registry
            .find("predictive.scaler.config." + outcome)
            .tag("namespace", namespace)
            .tag("configmap", configMap)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private double gauge(String name) {
    return gauges.get("predictive.scaler.config." + name).gauge().value();
  }

  private List<Event> invalidPolicyEvents(String namespace, String configMap) {
    return events("InvalidPolicy", namespace, configMap);
  }

  private List<Event> events(String reason, String namespace, String configMap) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> reason.equals(e.getReason()))
        .filter(e -> configMap.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  private void create(ConfigMap configMap) {
    client.configMaps().resource(configMap).create();
  }

  private void update(String namespace, String name, String yaml) {
    client
        .configMaps()
        .inNamespace(namespace)
        .withName(name)
        .edit(cm -> new ConfigMapBuilder(cm).addToData("policies.yaml", yaml).build());
  }

  /**
   * The API server sets {@code creationTimestamp} to the second, as the mock server does: the
   * second ConfigMap is created once the first one's second has passed, so that it is younger.
   */
  private void createOneSecondApart(ConfigMap older, ConfigMap younger) {
    client.configMaps().resource(older).create();
    Instant created =
        Instant.parse(
            client
                .configMaps()
                .inNamespace(older.getMetadata().getNamespace())
                .withName(older.getMetadata().getName())
                .get()
                .getMetadata()
                .getCreationTimestamp());
    await().atMost(WAIT).until(() -> Instant.now().isAfter(created.plusSeconds(1)));
    client.configMaps().resource(younger).create();
  }

  private static ConfigMap policyConfigMap(String namespace, String name, String yaml) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withLabels(Map.of("predictive-scaler.io/policy", "true"))
        .endMetadata()
        .withData(Map.of("policies.yaml", yaml))
        .build();
  }

  private static String workload(String name, int maxReplicas) {
    return PolicyStoreTest.workload(name, maxReplicas);
  }
}
