package io.predictivescaler.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyStoreTest {

  private static final ConfigMapRef SHOP_A = new ConfigMapRef("shop", "policies-a");
  private static final ConfigMapRef SHOP_B = new ConfigMapRef("shop", "policies-b");
  private static final ConfigMapRef OPS = new ConfigMapRef("ops", "policies");
  private static final TargetRef CHECKOUT = TargetRef.deployment("shop", "checkout");
  private static final TargetRef CART = TargetRef.deployment("shop", "cart");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final PolicyStore store = new PolicyStore(Optional.of("ops"));

  @Test
  void acceptedDocumentsMergeIntoOneSetWithTheirSources() {
    store.apply(SHOP_A, workload("checkout", 10));
    store.apply(SHOP_B, workload("cart", 5));

    PolicySet set = store.current();

    assertThat(set.workloads().keySet()).containsExactly(CART, CHECKOUT);
    assertThat(set.source(CHECKOUT)).contains(SHOP_A);
    assertThat(set.source(CART)).contains(SHOP_B);
  }

  @Test
  void invalidDocumentKeepsTheLastGoodOne() {
    store.apply(SHOP_A, workload("checkout", 10));

    var errors = store.apply(SHOP_A, workload("checkout", 0));

    assertThat(errors)
        .extracting(ConfigError::toString)
        .containsExactly("workloads[0].maxReplicas: must be >= 1, got 0");
    assertThat(store.current().policy(CHECKOUT).orElseThrow().maxReplicas()).isEqualTo(10);
  }

  @Test
  void theOldestConfigMapOwnsAWorkloadWhateverTheOrderTheyArriveIn() {
    ConfigMapRef[] refs = {SHOP_A, SHOP_B, OPS};
    Instant[] created = {T0.plusSeconds(20), T0, T0.plusSeconds(10)};
    int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};

    for (int[] order : orders) {
      PolicyStore s = new PolicyStore(Optional.of("ops"));
      for (int i : order) {
        s.apply(refs[i], created[i], workloadIn("shop", "checkout", 10 + i));
      }

      assertThat(s.current().source(CHECKOUT)).as("order %s", order).contains(SHOP_B);
      assertThat(s.current().policy(CHECKOUT).orElseThrow().maxReplicas()).isEqualTo(11);
      assertThat(s.shadowed())
          .containsExactlyInAnyOrder(
              new PolicyStore.Shadowed(OPS, CHECKOUT, SHOP_B),
              new PolicyStore.Shadowed(SHOP_A, CHECKOUT, SHOP_B));
    }
  }

  @Test
  void sameCreationTimeFallsBackToNamespaceThenName() {
    store.apply(SHOP_B, T0, workload("checkout", 7));
    store.apply(SHOP_A, T0, workload("checkout", 10));

    assertThat(store.current().source(CHECKOUT)).contains(SHOP_A);
  }

  @Test
  void aShadowedDefinitionDoesNotRejectTheRestOfItsDocument() {
    store.apply(SHOP_A, T0, workload("checkout", 10));

    var errors =
        store.apply(SHOP_B, T0.plusSeconds(1), workload("cart", 5) + workloadItem("checkout", 7));

    assertThat(errors).isEmpty();
    assertThat(store.current().source(CART)).contains(SHOP_B);
    assertThat(store.current().source(CHECKOUT)).contains(SHOP_A);
    assertThat(store.shadowed())
        .containsExactly(new PolicyStore.Shadowed(SHOP_B, CHECKOUT, SHOP_A));
  }

  @Test
  void whenTheOwnerGoesTheNextOldestDefinitionTakesOver() {
    store.apply(SHOP_A, T0, workload("checkout", 10));
    store.apply(SHOP_B, T0.plusSeconds(1), workload("checkout", 7));

    boolean changed = store.remove(SHOP_A);

    assertThat(changed).isTrue();
    assertThat(store.current().policy(CHECKOUT).orElseThrow().maxReplicas()).isEqualTo(7);
    assertThat(store.current().source(CHECKOUT)).contains(SHOP_B);
    assertThat(store.shadowed()).isEmpty();
  }

  @Test
  void anInvalidConfigMapWithoutLastGoodReportsTheWorkloadsItNamesAsUnmanaged() {
    store.apply(SHOP_A, T0, workload("checkout", 10) + workloadItem("cart", 0));

    assertThat(store.hasLastGood(SHOP_A)).isFalse();
    assertThat(store.unmanaged())
        .containsExactly(
            Map.entry(SHOP_A, List.of("Deployment shop/checkout", "Deployment shop/cart")));
  }

  @Test
  void anInvalidConfigMapWithoutLastGoodStillOwnsItsWorkloadsAgainstANewerOne() {
    String[][] orders = {{"older-first"}, {"newer-first"}};

    for (String[] order : orders) {
      PolicyStore s = new PolicyStore(Optional.of("ops"));
      if (order[0].equals("older-first")) {
        s.apply(SHOP_A, T0, workload("checkout", 0));
        s.apply(SHOP_B, T0.plusSeconds(1), workload("checkout", 20));
      } else {
        s.apply(SHOP_B, T0.plusSeconds(1), workload("checkout", 20));
        s.apply(SHOP_A, T0, workload("checkout", 0));
      }

      assertThat(s.current().policy(CHECKOUT)).as(order[0]).isEmpty();
      assertThat(s.shadowed()).containsExactly(new PolicyStore.Shadowed(SHOP_B, CHECKOUT, SHOP_A));
      assertThat(s.unmanaged())
          .containsExactly(Map.entry(SHOP_A, List.of("Deployment shop/checkout")));
    }
  }

  @Test
  void onceFixedTheOlderConfigMapOwnsTheWorkloadAndTheNewerStaysShadowed() {
    store.apply(SHOP_A, T0, workload("checkout", 0));
    store.apply(SHOP_B, T0.plusSeconds(1), workload("checkout", 20));

    store.apply(SHOP_A, T0, workload("checkout", 10));

    assertThat(store.current().source(CHECKOUT)).contains(SHOP_A);
    assertThat(store.current().policy(CHECKOUT).orElseThrow().maxReplicas()).isEqualTo(10);
    assertThat(store.unmanaged()).isEmpty();
  }

  @Test
  void anInvalidConfigMapLeavesUnmanagedOnlyTheWorkloadsNoOlderConfigMapOwns() {
    store.apply(SHOP_A, T0, workload("checkout", 10));

    store.apply(SHOP_B, T0.plusSeconds(1), workload("checkout", 0) + workloadItem("cart", 3));

    assertThat(store.current().source(CHECKOUT)).contains(SHOP_A);
    assertThat(store.unmanaged())
        .containsExactly(Map.entry(SHOP_B, List.of("Deployment shop/cart")));
  }

  @Test
  void anInvalidConfigMapClaimsNoWorkloadOutsideTheNamespacesItMayTarget() {
    store.apply(SHOP_A, T0, workloadIn("payments", "ledger", 0));
    ConfigMapRef payments = new ConfigMapRef("payments", "policies");

    store.apply(payments, T0.plusSeconds(1), workloadIn("payments", "ledger", 4));

    assertThat(store.current().source(TargetRef.deployment("payments", "ledger")))
        .contains(payments);
    assertThat(store.unmanaged()).containsExactly(Map.entry(SHOP_A, List.of()));
  }

  @Test
  void deletingAnInvalidOwnerHandsTheWorkloadToTheNextOldest() {
    store.apply(SHOP_A, T0, workload("checkout", 0));
    store.apply(SHOP_B, T0.plusSeconds(1), workload("checkout", 20));

    boolean changed = store.remove(SHOP_A);

    assertThat(changed).isTrue();
    assertThat(store.current().source(CHECKOUT)).contains(SHOP_B);
    assertThat(store.unmanaged()).isEmpty();
  }

  @Test
  void anInvalidConfigMapWithALastGoodOneIsNotUnmanaged() {
    store.apply(SHOP_A, T0, workload("checkout", 10));

    store.apply(SHOP_A, T0, workload("checkout", 0));
    boolean unmanagedBeforeFix = !store.unmanaged().isEmpty();
    store.apply(SHOP_B, T0, "workloads: [oops]");
    store.apply(SHOP_B, T0, workload("cart", 3));

    assertThat(unmanagedBeforeFix).isFalse();
    assertThat(store.hasLastGood(SHOP_A)).isTrue();
    assertThat(store.unmanaged()).isEmpty();
  }

  @Test
  void removingAConfigMapRemovesItsWorkloads() {
    store.apply(SHOP_A, workload("checkout", 10));
    store.apply(SHOP_B, workload("cart", 5));

    store.remove(SHOP_A);

    assertThat(store.current().workloads().keySet()).containsExactly(CART);
  }

  @Test
  void configMapMayNotTargetAnotherNamespace() {
    var errors = store.apply(SHOP_A, workloadIn("payments", "ledger"));

    assertThat(errors)
        .extracting(ConfigError::toString)
        .containsExactly(
            "workloads[0].target.namespace: must be the ConfigMap's namespace (shop) unless the"
                + " ConfigMap is in ops, got payments");
    assertThat(store.current().size()).isZero();
  }

  @Test
  void configMapInTheControlNamespaceMayTargetAnyNamespace() {
    var errors = store.apply(OPS, workloadIn("payments", "ledger"));

    assertThat(errors).isEmpty();
    assertThat(store.current().source(TargetRef.deployment("payments", "ledger"))).contains(OPS);
  }

  @Test
  void withoutAControlNamespaceNoConfigMapCrossesNamespaces() {
    PolicyStore strict = new PolicyStore(Optional.empty());

    var errors = strict.apply(OPS, workloadIn("payments", "ledger"));

    assertThat(errors)
        .extracting(ConfigError::toString)
        .containsExactly(
            "workloads[0].target.namespace: must be the ConfigMap's namespace (ops), got payments");
  }

  @Test
  void rejectsATenantQueryThatAsksForAnotherNamespaceNamingTheField() {
    var errors =
        store.apply(
            SHOP_A,
            workload("checkout", 4)
                + queryWorkload("cart", "sum(rate(x{namespace=\"payments\"}[1m]))"));

    assertThat(errors)
        .extracting(ConfigError::toString)
        .containsExactly(
            "workloads[1].metric.prometheus: cannot be confined to the ConfigMap's namespace"
                + " (shop), which the scaler adds to every selector: selector at column 11 asks"
                + " for namespace=\"payments\", but this policy may only read namespace \"shop\","
                + " got sum(rate(x{namespace=\"payments\"}[1m]))");
    assertThat(store.current().size()).isZero();
  }

  @Test
  void acceptsATenantQueryThatSelectsItsOwnNamespaceOrNone() {
    var errors =
        store.apply(
            SHOP_A,
            workload("checkout", 4) + queryWorkload("cart", "sum(x{namespace=\"shop\"}) / sum(y)"));

    assertThat(errors).isEmpty();
    assertThat(store.current().size()).isEqualTo(2);
  }

  @Test
  void runsTheQueriesOfATrustedNamespaceAsWritten() {
    PolicyStore trusting = new PolicyStore(Optional.of("ops"), Set.of("ops"));
    String yaml =
        "workloads:\n" + queryItemIn("payments", "ledger", "sum(x{namespace=\"payments\"})");

    var trusted = trusting.apply(OPS, yaml);
    var untrusted = store.apply(OPS, yaml);

    assertThat(trusted).isEmpty();
    assertThat(trusting.current().source(TargetRef.deployment("payments", "ledger"))).contains(OPS);
    assertThat(untrusted)
        .extracting(ConfigError::path)
        .containsExactly("workloads[0].metric.prometheus");
  }

  @Test
  void refusesATrustedNamespaceThatIsNotANamespaceName() {
    assertThatThrownBy(() -> new PolicyStore(Optional.empty(), Set.of("Ops")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a namespace name: Ops");
  }

  private static String queryWorkload(String name, String query) {
    return queryItemIn("shop", name, query);
  }

  private static String queryItemIn(String namespace, String name, String query) {
    return """
          - target: {namespace: %s, name: %s}
            metric: {prometheus: '%s'}
            targetPerReplica: 100
            maxReplicas: 4
        """
        .formatted(namespace, name, query);
  }

  static String workload(String name, int maxReplicas) {
    return "workloads:\n" + workloadItem(name, maxReplicas);
  }

  static String workloadItem(String name, int maxReplicas) {
    return """
          - target: {name: %s}
            metric: {prometheus: 'sum(rate(http_requests_total{app="%s"}[1m]))'}
            targetPerReplica: 100
            maxReplicas: %d
        """
        .formatted(name, name, maxReplicas);
  }

  private static String workloadIn(String namespace, String name) {
    return workloadIn(namespace, name, 4);
  }

  private static String workloadIn(String namespace, String name, int maxReplicas) {
    return """
        workloads:
          - target: {namespace: %s, name: %s}
            metric: {resource: cpu}
            targetUtilization: 80
            maxReplicas: %d
        """
        .formatted(namespace, name, maxReplicas);
  }
}
